import { analyzeTerms, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { parseQuestionDates, type DateRange } from './questionDates.ts';

/** What kind of thing the question asks for; extraction prefers sentences that contain one. */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'name' | 'other';

export interface QuestionAnalysis {
  text: string;
  /** Stemmed content terms (duplicates kept: a repeated word matters more). */
  terms: string[];
  answerType: AnswerType;
  dates: DateRange[];
}

/**
 * Question → terms, expected answer type and named dates. The type comes from the question
 * word: when → date, how many/much → number, who → person, where → place.
 */
export function analyzeQuestion(text: string, now?: Date): QuestionAnalysis {
  return { text, terms: analyzeTerms(text), answerType: answerTypeOf(text), dates: parseQuestionDates(text, now) };
}

export function answerTypeOf(question: string): AnswerType {
  const q = ` ${tokenizeWords(question).join(' ')} `;
  if (/ (when|what year|which year|what date|what day|what month|how long ago|since when) /.test(q)) return 'date';
  if (/ (how many|how much|how old|how long|how far|what percentage|what percent|what number|how large|how big) /.test(q)) return 'number';
  if (/ (who|whom|whose|which person|which minister|which leader) /.test(q)) return 'person';
  if (/^ (which|what) (\w+ )?(team|company|group|organi[sz]ation|country|nation|city|state|band|artist|party|university|school|agency|ministry|newspaper|club|award|prize|river|language)s? /.test(q)) return 'name';
  if (/ (where|which city|which country|what city|what country|what place|which place|in which) /.test(q)) return 'place';
  return 'other';
}
