import type { AnswerType } from './analyzeQuestion.ts';

/**
 * Does a sentence contain something of the expected answer type that the question does not
 * already say? Surface cues, cheap enough for every candidate sentence. Pure.
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  `\\b(?:(?:${MONTHS})\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:${MONTHS})|(?:${MONTHS})\\b|1[5-9]\\d{2}|20\\d{2}|\\d{1,2}(?:st|nd|rd|th)\\s+century|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|(?:last|next|this)\\s+(?:week|month|year))\\b`,
  'gi',
);
const NUMBER = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|first|second|third)\b/gi;
const CAPITALISED = /(?<![.!?]\s|^)\b[A-Z][\p{L}'’-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\p{L}'’-]+)*/gu;
/** Two or more capitalised words, not after "the": Sergey Lavrov, President Putin, Dr S Jaishankar. */
const FULL_NAME = /(?<!\bthe\s)(?<!\bThe\s)\b(?!The\b)(?:[A-Z]\.|[A-Z][\p{L}'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’-]*))+/gu;
const PLACE = /\b(?:in|at|from|to|near|across)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\p{L}'’-]+/gu;

function mentions(pattern: RegExp, sentence: string, question: string): boolean {
  const q = question.toLowerCase();
  for (const match of sentence.matchAll(pattern)) {
    const found = match[0].toLowerCase().replace(/^(in|at|from|to|near|across)\s+(the\s+)?/, '');
    if (!q.includes(found)) return true;
  }
  return false;
}

export function hasAnswerCue(type: AnswerType, sentence: string, question: string): boolean {
  switch (type) {
    case 'date':
      return mentions(DATE, sentence, question);
    case 'number':
      // "July 3" and "2024" are dates, not the quantity a "how many" asks for.
      return mentions(NUMBER, sentence.replace(DATE, ' '), question);
    case 'person':
      return mentions(FULL_NAME, sentence, question);
    case 'name':
      return mentions(CAPITALISED, sentence, question);
    case 'place':
      return mentions(PLACE, sentence, question);
    default:
      return false;
  }
}
