import type { LexicalSearch } from '../../store/indexStore.ts';

/**
 * The archive size, in chunks, beyond which a word is weighed by how often it occurs, not by
 * how few chunks hold it. The ranker learnt its weights on archives of 23 to 1,400 chunks; in
 * one of 193,000 a name in five chunks would weigh more than twice a verb in 2,000, and a
 * sentence would be judged by the name every sentence of its article repeats, not by the words
 * that tell those sentences apart (docs/scale.md: hit@2 inside 20,070 articles).
 */
export const RARITY_RESOLUTION_CHUNKS = 200;

export interface WordRarity {
  /**
   * log(1 + N / (df + floor)), a gentler IDF: the weight of a question word a sentence holds
   * (coverage). A word in nearly every chunk keeps real weight, where BM25's IDF would make the
   * names every article of a one-topic archive shares weigh almost nothing.
   */
  presence(term: string): number;
  /** BM25's inverse document frequency with the same floor (the sentence BM25 feature). */
  idf(term: string): number;
}

/**
 * How much a question word counts when candidate sentences are weighed against each other.
 * Up to `RARITY_RESOLUTION_CHUNKS` chunks this is the index's own presence weight and BM25
 * IDF (a floor of half a chunk); beyond it the floor grows with the archive, so the weights
 * depend on the share of chunks that hold a word, and a word in one chunk of 200,000 counts
 * about as much as one in a hundred: both are as rare as the ranker ever saw. With a resolution
 * of `Infinity` the floor stays half a chunk at any size (what the abstention model reads).
 */
export function wordRarity(lexical: Pick<LexicalSearch, 'unitCount' | 'documentFrequency'>, resolutionChunks = RARITY_RESOLUTION_CHUNKS): WordRarity {
  const n = lexical.unitCount;
  const floor = 0.5 * Math.max(1, n / resolutionChunks);
  return {
    presence: (term) => Math.log(1 + n / (lexical.documentFrequency(term) + floor)),
    idf: (term) => {
      const df = lexical.documentFrequency(term);
      return Math.log(1 + (n - df + floor) / (df + floor));
    },
  };
}
