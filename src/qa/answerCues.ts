import { stemWord, tokenizeWords } from '../analyze/analyzeTerms.ts';
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
const NUMBER_WORDS =
  '\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|first|second|third';
const NUMBER = new RegExp(`\\b(?:${NUMBER_WORDS})\\b`, 'gi');
const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORDS})$`, 'i');
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
      return countsWhatIsAsked(sentence.replace(DATE, ' '), question);
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

const DIGITS = /\d/;
/** Words that end the counted noun phrase of "how many …": "How many Indian nationals *are* …". */
const PHRASE_END = /^(are|is|was|were|did|do|does|has|have|had|will|would|can|could|should|in|of|at|on|for|to|from|by|with|does|the|a|an)$/;

/**
 * A figure, or a number word counting the thing asked about: "How many times…?" is answered
 * by "six times" or "7th meeting" but not by "the two leaders" (that counts leaders).
 */
function countsWhatIsAsked(sentence: string, question: string): boolean {
  const asked = /\bhow many\s+([\p{L}\s-]+)/iu.exec(question);
  const words = asked ? tokenizeWords(asked[1]!) : [];
  const end = words.findIndex((w) => PHRASE_END.test(w));
  const counted = (end === -1 ? words : words.slice(0, end)).at(-1);
  if (!counted) return mentions(NUMBER, sentence, question);
  const head = stemWord(counted);
  const tokens = tokenizeWords(sentence);
  const q = question.toLowerCase();
  return tokens.some((t, i) => {
    if (q.includes(t)) return false;
    if (DIGITS.test(t)) return true;
    return NUMBER_WORD.test(t) && tokens.slice(i + 1, i + 4).some((next) => stemWord(next) === head);
  });
}
