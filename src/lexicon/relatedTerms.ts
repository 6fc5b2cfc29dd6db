import { analyzeTerms, isStopword, stemWord, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { archiveTermsAround, type ArchiveTerm } from './archiveTerms.ts';
import type { WordNetReading } from './lemmasAround.ts';
import type { WordNet } from './wordnet.ts';

/**
 * Words an archive may use for a question's words: "encounter" → meeting, "Laotian" → Laos,
 * "Russian capital" → Moscow, "Middle East" → Gaza. Read from WordNet's relations (synonyms,
 * derived forms, broader and narrower terms, parts and wholes), kept only where the archive
 * uses the word, each with a credit in (0, 1) for how close the relation is. This is how a
 * lexical backend bridges paraphrases without model weights.
 */
export interface RelatedTermsOptions extends WordNetReading {
  /** Credit of a synonym or derived form ("encounter" → "meeting", "Laotian" → "Laos"). @default 0.6 */
  close: number;
  /** Credit one relation away: broader, narrower, part or whole ("Moscow" → "Russia"). @default 0.4 */
  near: number;
  /** Credit two steps down ("Middle East" → its parts → "Gaza"). @default 0.25 */
  far: number;
}

export const DEFAULT_RELATED_OPTIONS: Readonly<RelatedTermsOptions> = Object.freeze({ senses: 3, close: 0.6, near: 0.4, far: 0.25, maxSenses: 6, maxWordSenses: 15 });

/** Slot (a question term) → related archive term → credit. */
export type RelatedTerms = Map<string, Map<string, number>>;

/** Longest phrase looked up as one lemma ("prime minister", "gaza strip", "south china sea"). */
const LONGEST_PHRASE = 3;

/**
 * Related archive terms for each content word of `question`. `inArchive` says whether a term
 * occurs in the archive and `rarity` how rare it is there (its IDF); terms the question
 * already has are never added. What the archive holds around each word is memoised by the
 * `inArchive` function: pass one function per unchanging archive (a new build is a new index,
 * with a function of its own).
 */
export function relatedTerms(
  wordnet: WordNet,
  question: string,
  inArchive: (term: string) => boolean,
  rarity: (term: string) => number,
  options: Partial<RelatedTermsOptions> = {},
): RelatedTerms {
  const o = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const words = tokenizeWords(question);
  const own = new Set(analyzeTerms(question));
  const out: RelatedTerms = new Map();

  /**
   * Credit a slot with the archive term standing for a lemma (`ArchiveTerm`); a phrase holding
   * one of the question's own words is the same thing spelled out ("republic of india") and
   * adds nothing.
   */
  const credit = (slot: string, found: ArchiveTerm, value: number) => {
    if (own.has(found.term) || (found.phrase && found.terms.some((t) => own.has(t)))) return;
    let related = out.get(slot);
    if (!related) out.set(slot, (related = new Map()));
    if ((related.get(found.term) ?? 0) < value) related.set(found.term, value);
  };
  const around = (phrase: string, single: boolean) => archiveTermsAround(wordnet, phrase, single, o, inArchive, rarity);

  // A phrase WordNet lists as one ("Middle East", "Russian capital") is one thing: its words
  // lend only their other forms ("Russian" → Russia), not broader or narrower things ("middle"
  // is no "region" there, "capital" no "asset"), and what stands for the phrase stands for each
  // of its words (Moscow for "Russian" and for "capital").
  const inPhrase = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!wordnet.startsPhrase(words[i]!)) continue;
    for (let length = 2; length <= LONGEST_PHRASE && i + length <= words.length; length++) {
      const phrase = words.slice(i, i + length);
      if (isStopword(phrase.at(-1)!)) continue;
      const { listed, terms } = around(phrase.join('_'), false);
      if (!listed) continue;
      for (let j = i; j < i + length; j++) inPhrase.add(j);
      // A word the question also uses outside the phrase keeps its own meaning there: only the
      // phrase's head (its last word) takes what stands for the phrase.
      const outside = new Set(words.filter((_, j) => j < i || j >= i + length).map(stemWord));
      const slots = phrase.filter((w, k) => !isStopword(w) && (k === length - 1 || !outside.has(stemWord(w)))).map(stemWord);
      for (const { found, how } of terms) for (const slot of slots) credit(slot, found, o[how]);
    }
  }
  words.forEach((word, i) => {
    if (isStopword(word) || /^\d/.test(word)) return;
    for (const { found, how } of around(word, true).terms) if (how === 'close' || !inPhrase.has(i)) credit(stemWord(word), found, o[how]);
  });
  return out;
}
