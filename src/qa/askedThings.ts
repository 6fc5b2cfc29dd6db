import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Sentence } from '../corpus/types.ts';
import type { RelatedTerms } from '../lexicon/relatedTerms.ts';
import type { LoadedIndex } from './loadedIndex.ts';

/**
 * What a question is about, checked against the passage chosen to answer it. A near miss
 * ("What did Modi and Putin sign…?" answered by a sentence about Jaishankar's visit, "What did
 * Lavrov say about climate change?" by one about changing circumstances) matches most words
 * of the question but not the names it asks about, or not its most specific word.
 */
export interface AskedThings {
  /** Share of the question's names (capitalised words past the first) the passage has; 1 with none. */
  names: number;
  /** 1 when the question's rarest word (in the archive) is nowhere in the passage. */
  rarestMissing: number;
}

/** Terms of the capitalised words past the first: the people, places and things named. */
export function namedTerms(question: string): string[] {
  const words = question.match(/(?<=\s)[A-Z][\p{L}'’-]+/gu) ?? [];
  return [...new Set(words.flatMap((w) => analyzeTerms(w)))];
}

/**
 * Checks `sentence` with its neighbours (a fact told across two sentences). A word counts as
 * present when a related word (WordNet) is there too: "Laotian" is found in "Laos".
 */
export function askedThings(
  index: LoadedIndex,
  question: string,
  weights: ReadonlyMap<string, number>,
  related: RelatedTerms,
  sentence: Sentence,
): AskedThings {
  const siblings = index.sentencesByDoc.get(sentence.docId) ?? [];
  const passage = new Set(
    [siblings[sentence.index - 1], sentence, siblings[sentence.index + 1]].flatMap((s) => (s ? index.sentenceTerms(s) : [])),
  );
  const present = (t: string) => passage.has(t) || [...(related.get(t)?.keys() ?? [])].some((r) => passage.has(r));

  const names = namedTerms(question).filter((t) => weights.has(t));
  let rarest: string | undefined;
  for (const [t, w] of weights) {
    if (w < 1) continue;
    if (rarest === undefined || index.data.lexical.idf(t) > index.data.lexical.idf(rarest)) rarest = t;
  }
  return {
    names: names.length ? names.filter(present).length / names.length : 1,
    rarestMissing: rarest !== undefined && !present(rarest) ? 1 : 0,
  };
}
