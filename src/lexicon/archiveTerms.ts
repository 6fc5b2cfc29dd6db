import { analyzeTerms, isStopword, stemWord, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { isVague, lemmasAround, type Closeness, type WordNetReading } from './lemmasAround.ts';
import type { WordNet } from './wordnet.ts';

/** The archive term standing for a WordNet lemma. */
export interface ArchiveTerm {
  term: string;
  /** The lemma's analysed terms. */
  terms: string[];
  phrase: boolean;
}

/** Whether WordNet lists a word or phrase, and the archive terms around it. */
export interface AroundTerms {
  listed: boolean;
  terms: Array<{ found: ArchiveTerm; how: Closeness }>;
}

interface ArchiveCache {
  /** Lemma → the archive term standing for it, or null. */
  terms: Map<string, ArchiveTerm | null>;
  around: Map<string, AroundTerms>;
}

/**
 * Per WordNet and archive (its `inArchive` function, one per loaded index): the lemmas around
 * a word narrowed to those the archive has. A word has hundreds of lemmas around it ("city":
 * every city WordNet knows) and a question's words are mostly the same common ones question
 * after question, so each question credits only the few dozen the archive holds.
 */
const archiveCaches = new WeakMap<WordNet, WeakMap<(term: string) => boolean, Map<string, ArchiveCache>>>();
const ARCHIVE_CACHE_LIMIT = 50_000;

/** Whether WordNet lists `phrase`, and the terms of this archive (`inArchive`) around it, closest first. */
export function archiveTermsAround(
  wordnet: WordNet,
  phrase: string,
  single: boolean,
  o: WordNetReading,
  inArchive: (term: string) => boolean,
  rarity: (term: string) => number,
): AroundTerms {
  let perArchive = archiveCaches.get(wordnet);
  if (!perArchive) archiveCaches.set(wordnet, (perArchive = new WeakMap()));
  let perOptions = perArchive.get(inArchive);
  if (!perOptions) perArchive.set(inArchive, (perOptions = new Map()));
  const optionsKey = `${o.senses}|${o.maxSenses}|${o.maxWordSenses}`;
  let cache = perOptions.get(optionsKey);
  if (!cache) perOptions.set(optionsKey, (cache = { terms: new Map(), around: new Map() }));
  const cached = cache.around.get(phrase);
  if (cached) return cached;
  const lemmas = lemmasAround(wordnet, phrase, single, o);
  const terms: Array<{ found: ArchiveTerm; how: Closeness }> = [];
  for (const { lemma, how } of lemmas) {
    let found = cache.terms.get(lemma);
    if (found === undefined) {
      found = archiveTermOf(wordnet, lemma, inArchive, rarity, o.maxSenses);
      if (cache.terms.size >= ARCHIVE_CACHE_LIMIT) cache.terms.clear();
      cache.terms.set(lemma, found);
    }
    if (found) terms.push({ found, how });
  }
  const result: AroundTerms = { listed: lemmas.length > 0, terms };
  if (cache.around.size >= ARCHIVE_CACHE_LIMIT) cache.around.clear();
  cache.around.set(phrase, result);
  return result;
}

/**
 * The archive term standing for a lemma. A phrase ("gaza strip", "new delhi") stands by its
 * rarest word, and only when the archive has all its words. It is not stood for by a vague word
 * of it ("get-up-and-go" is not "get"), and one with a single content word ("go-between",
 * "go to") is an idiom that stands for nothing.
 */
function archiveTermOf(wordnet: WordNet, lemma: string, inArchive: (term: string) => boolean, rarity: (term: string) => number, maxSenses: number): ArchiveTerm | null {
  const terms = analyzeTerms(lemma);
  if (terms.length === 0 || !terms.every(inArchive)) return null;
  const words = tokenizeWords(lemma);
  if (words.length === 1) return { term: terms[0]!, terms, phrase: false };
  if (terms.length === 1) return null;
  const telling = words.filter((w) => !isStopword(w) && !isVague(wordnet, w, maxSenses)).map(stemWord);
  return telling.length ? { term: telling.reduce((a, b) => (rarity(b) > rarity(a) ? b : a)), terms, phrase: true } : null;
}
