import { stemWord, tokenizeWords } from '../analyze/analyzeTerms.ts';

/**
 * News previews events: "days before Modi's anticipated visit to Moscow for a summit". Asked
 * what *was signed* at that summit, such a sentence has every word of the question and none
 * of the answer, since when it was written the summit had not happened. This is that cue.
 */

/** Words that put the event they qualify still ahead. */
const AHEAD = /^(?:anticipated|upcoming|forthcoming|impending|scheduled|expected)$/;
/** How far after such a word the question's event may stand ("anticipated *visit*", "upcoming bilateral *summit*"). */
const REACH = 3;

/** The question asks what happened ("did", "was"), not what is coming. */
export function asksWhatHappened(question: string): boolean {
  return (
    /\b(?:did|was|were|had)\b/i.test(question) &&
    !/\b(?:will|would|upcoming|forthcoming|next|plan|planned|planning|anticipated|expected|scheduled|impending)\b/i.test(question)
  );
}

/** The sentence speaks of one of the question's terms as still ahead ("the forthcoming visit"). */
export function speaksOfItAsAhead(sentence: string, questionTerms: ReadonlySet<string>): boolean {
  const words = tokenizeWords(sentence);
  for (let i = 0; i < words.length; i++) {
    if (!AHEAD.test(words[i]!)) continue;
    for (let j = i + 1; j <= Math.min(words.length - 1, i + REACH); j++) if (questionTerms.has(stemWord(words[j]!))) return true;
  }
  return false;
}
