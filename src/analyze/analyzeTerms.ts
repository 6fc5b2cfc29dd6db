import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';

/**
 * Text → index terms, shared by the lexical index, the hashed embedder and extraction so a
 * question and a sentence are always cut the same way: Unicode-normalised, lower-cased words
 * (letters and digits, inner apostrophes and hyphens split), stopwords dropped, accents
 * folded, Porter-stemmed.
 */
/**
 * Bump whenever a change here (tokens, stopwords, stems) would analyse the same text
 * differently: an index built with another version is rebuilt rather than half-matched.
 */
export const ANALYZER_VERSION = 8;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Single letters joined by dots: "U.S.", "U.N.", "e.g.", and "U.S" where a sentence's full stop took the last dot. */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

/**
 * "U.S." is the word "US" written with dots; cut at the dots it would be "u" and "s" and never
 * match an article that writes "US". The dots become trailing spaces, so the text keeps its
 * length and "the U.S.The…" (a missing space after a full stop) stays two words.
 */
function joinInitialisms(text: string): string {
  // Most sentences hold no "letter.letter": a cheap test first spares them the lookbehind.
  if (!LETTER_DOT_LETTER.test(text)) return text;
  return text.replace(DOTTED_INITIALISM, (m) => m.replace(/\./g, '').padEnd(m.length, ' '));
}
const LETTER_DOT_LETTER = /\p{L}\.\p{L}/u;
/** Text that NFKC leaves as it is (printable ASCII and whitespace): most news text. */
const PLAIN_ASCII = /^[\x09\x0a\x0d\x20-\x7e]*$/;
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Lower-cased words in order, stopwords included (for phrase and proximity cues). */
export function tokenizeWords(text: string): string[] {
  if (PLAIN_ASCII.test(text)) return asciiWords(joinAsciiInitialisms(text).toLowerCase());
  const lower = joinInitialisms(text.normalize('NFKC')).toLowerCase();
  const words: string[] = [];
  for (const match of lower.matchAll(WORD)) {
    const word = match[0];
    words.push(word.includes("'") || word.includes('’') ? word.replace(/['’]s$/, '').replace('’', "'") : word);
  }
  return words;
}

/** `joinInitialisms` for ASCII text, whose letters are A–Z: the same test without Unicode classes. */
function joinAsciiInitialisms(text: string): string {
  if (!ASCII_LETTER_DOT_LETTER.test(text)) return text;
  return text.replace(DOTTED_INITIALISM, (m) => m.replace(/\./g, '').padEnd(m.length, ' '));
}
const ASCII_LETTER_DOT_LETTER = /[A-Za-z]\.[A-Za-z]/;

/**
 * `WORD` and the possessive rule of `tokenizeWords` as a scan of character codes, for
 * lower-cased ASCII text (where \p{L} is a–z and \p{N} 0–9): most news text, read at every
 * ingest and for every candidate sentence, at a third of the regex's cost. The same words:
 * a run of letters and digits, then at most one apostrophe and the letters after it, a
 * trailing "'s" dropped.
 */
function asciiWords(lower: string): string[] {
  const words: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(lower.charCodeAt(i))) i++;
    let end = i;
    // An apostrophe followed by letters joins the word ("o'clock", "nation's").
    if (i + 1 < n && lower.charCodeAt(i) === APOSTROPHE && isAsciiLetter(lower.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isAsciiLetter(lower.charCodeAt(i))) i++;
      // "nation's" → "nation"; "it's" → "it".
      end = i - end === 2 && lower.charCodeAt(i - 1) === LOWER_S ? end : i;
    }
    words.push(lower.slice(start, end));
  }
  return words;
}
const APOSTROPHE = 39;
const LOWER_S = 115;
const isAsciiLetter = (c: number) => c >= 97 && c <= 122;
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Words in order with their case kept, for cues that read capitalisation (names). */
export function casedWords(text: string): string[] {
  return [...joinInitialisms(PLAIN_ASCII.test(text) ? text : text.normalize('NFKC')).matchAll(WORD)].map((m) => m[0]);
}

/**
 * Irregular forms Porter cannot reach ("met" never stems to "meet", "crises" stems apart from
 * "crisis"); news text is full of them, and a question asks "meet" of an article that says
 * "met". Most come from WordNet's exception lists, chosen and written to
 * `irregularForms.json` by `npm run make:irregular-forms` (src/lexicon/irregularForms.ts says
 * which are left out and why). Kept by hand: verb forms that choice leaves out because WordNet
 * also files them as adjectives or nouns in use ("lost" 6 times, "left" 4, "made" 2), which
 * news writes mostly as the verb, and "people", which no exception list gives.
 */
const KEPT_BY_HAND: Record<string, string> = {
  gone: 'go', given: 'give', made: 'make', lost: 'lose', left: 'leave', thought: 'think', paid: 'pay', drawn: 'draw',
  people: 'person',
};
// A Map, not an object: "constructor" or "toString" in a text must not find Object.prototype's functions.
const IRREGULAR = new Map<string, string>([
  ...Object.entries(JSON.parse(readFileSync(new URL('./irregularForms.json', import.meta.url), 'utf8')) as Record<string, string>),
  ...Object.entries(KEPT_BY_HAND),
]);

/** A lower-cased word's base form where Porter cannot find it ("met" → "meet"), else the word. */
export function irregularBase(word: string): string {
  return IRREGULAR.get(word) ?? word;
}

/**
 * The stem of one lower-cased word, memoised (stemming dominates ingest time otherwise).
 * Accents are folded first: a reader types "Zurich", "Sao Paulo" or "Beyonce" for the
 * archive's "Zürich", "São Paulo" and "Beyoncé".
 */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const folded = foldAccents(word);
    stem = regularStem(IRREGULAR.get(folded) ?? folded);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Porter's stem of a folded word, no irregular form looked up (what `irregularForms.json` is chosen against). */
export function regularStem(word: string): string {
  return /^\d/.test(word) || word.length < 3 ? word : undoubled(stemmer(word));
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Combining accents of Latin, Greek and Cyrillic letters (not the vowel signs of other scripts). */
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
/** Letters that carry their mark in their shape, not as a combining accent. */
const LETTER_FOLDS = new Map(Object.entries({ ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' }));
const FOLDED_LETTERS = new RegExp(`[${[...LETTER_FOLDS.keys()].join('')}]`, 'g');

/** A lower-cased word or text without its accents: "zürich" → "zurich", "łódź" → "lodz", "straße" → "strasse". */
export function foldAccents(word: string): string {
  // Most text is plain ASCII: nothing to fold, and no string to build (features fold every candidate's names).
  if (!NON_ASCII.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(COMBINING_ACCENTS, '')
    .replace(FOLDED_LETTERS, (c) => LETTER_FOLDS.get(c)!)
    .normalize('NFC');
}

/**
 * Porter undoubles a final consonant only after cutting "-ed" or "-ing" ("added" → "ad",
 * "staffed" → "staf") and leaves the bare word as it is ("add", "staff"), so a question's
 * "add" never met an article's "added". Undoubling every stem the same way (l, s and z
 * excepted, as in Porter) makes the forms meet.
 */
function undoubled(stem: string): string {
  return stem.length >= 3 && FINAL_DOUBLE.test(stem) ? stem.slice(0, -1) : stem;
}
const FINAL_DOUBLE = /([bcdfghjkmnpqrtvwx])\1$/;

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content terms of a text: words minus stopwords, stemmed. */
export function analyzeTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenizeWords(text)) {
    if (!STOPWORDS.has(word)) terms.push(stemWord(word));
  }
  return terms;
}

/** Term → occurrences. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
