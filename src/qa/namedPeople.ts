import { analyzeTerms, casedWords } from '../analyze/analyzeTerms.ts';
import type { ArchiveTitles } from './archiveTitles.ts';

/**
 * The names the archive gives a person: a name it titles, somewhere, with a word for a person
 * ("Deputy Prime Minister Manturov", "Kremlin Spokesperson Dmitry Peskov"), by the name's
 * analysed word. A title that only says where someone is from ("Russian", "Tamil") names no
 * person on its own: "Russian Gazprom" is no one (the caller's `isPersonWord` says which).
 */
export function personNames(
  titles: ReadonlyMap<string, ArchiveTitles>,
  lookups: { isPersonWord: (word: string) => boolean; isCommonNoun: (word: string) => boolean },
): Set<string> {
  const out = new Set<string>();
  for (const [name, { words, written }] of titles) {
    if (!lookups.isCommonNoun(written) && words.some(lookups.isPersonWord)) out.add(name);
  }
  return out;
}

/** The people a text names, as the analysed words of their names (`people` from personNames). */
export function peopleIn(text: string, people: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const word of casedWords(text)) {
    if (!/^\p{Lu}/u.test(word)) continue;
    for (const term of analyzeTerms(word)) if (people.has(term)) out.add(term);
  }
  return out;
}

/** "He", "his", "her": a sentence may speak of a person without naming them. */
const PERSONAL_PRONOUN = /\b(?:he|him|his|she|her|hers)\b/i;

/**
 * Whether a sentence names someone else in place of a person the question asks about: asked of
 * Jaishankar and Lavrov, "Jaishankar held a meeting with Deputy Prime Minister Manturov…" leaves
 * Lavrov out and names Manturov, so it tells of another meeting (or another person's words).
 * A "he" or "her" may be the one person it leaves unnamed ("He was baptized… on the feast day
 * of St. Martin", asked of Luther), but not two: "He met Manturov" still leaves one of
 * Jaishankar and Lavrov out.
 */
export function namesAnotherPerson(asked: ReadonlySet<string>, sentence: string, people: ReadonlySet<string>): boolean {
  if (asked.size === 0) return false;
  const named = peopleIn(sentence, people);
  const missing = [...asked].filter((p) => !named.has(p)).length;
  const unnamed = PERSONAL_PRONOUN.test(sentence) ? missing - 1 : missing;
  return unnamed > 0 && [...named].some((p) => !asked.has(p));
}
