import { DEFAULT_BM25_OPTIONS, type Bm25Options } from '../lexicalIndex.ts';

/**
 * BM25 exactly as `LexicalIndex` computes it (same expressions, same order of operations), so
 * the segment searcher's scores equal today's to the last bit for the same statistics.
 */
export { DEFAULT_BM25_OPTIONS, type Bm25Options };

/** BM25 inverse document frequency (the Lucene form, never negative). */
export function bm25Idf(unitCount: number, df: number): number {
  return Math.log(1 + (unitCount - df + 0.5) / (df + 0.5));
}

/**
 * One query term's contribution to one unit: `weightIdf` is weight × idf (multiplied first,
 * as LexicalIndex does), `tf` the term's count in the unit, `length` the unit's term count.
 */
export function bm25Term(weightIdf: number, tf: number, length: number, avgLength: number, options: Bm25Options): number {
  const { k1, b } = options;
  const norm = k1 * (1 - b + (b * length) / (avgLength || 1));
  return weightIdf * ((tf * (k1 + 1)) / (tf + norm));
}
