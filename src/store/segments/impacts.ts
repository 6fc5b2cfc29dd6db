import { bm25Term, type Bm25Options } from './bm25.ts';

/**
 * "Impacts" (Lucene's name): the (term frequency, unit length) pairs of a run of postings that
 * could score best. BM25 grows with tf and shrinks with length whatever the collection
 * statistics are, so a pair is competitive unless another has at least its tf and at most its
 * length. Storing the competitive pairs (usually 1-4) per block instead of a precomputed
 * score keeps block-max bounds exact and valid as the archive, and so avgLength and idf,
 * change: a segment never needs rewriting because others were added.
 */

/**
 * Competitive pairs of postings `[from, to)`: by decreasing tf, each with a smaller length
 * than every pair before it. Written as [tf, length, tf, length, …] into `out` from `at`;
 * returns the number of pairs.
 */
export function competitiveImpacts(
  tfs: ArrayLike<number>,
  units: ArrayLike<number>,
  lengths: ArrayLike<number>,
  from: number,
  to: number,
  out: number[],
): number {
  // Best (smallest) length per tf, then a sweep from the largest tf down.
  const minLength = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const tf = tfs[i]!;
    const length = lengths[units[i]!]!;
    const seen = minLength.get(tf);
    if (seen === undefined || length < seen) minLength.set(tf, length);
  }
  const byTf = [...minLength.keys()].sort((x, y) => y - x);
  let best = Infinity;
  let pairs = 0;
  for (const tf of byTf) {
    const length = minLength.get(tf)!;
    if (length < best) {
      out.push(tf, length);
      best = length;
      pairs++;
    }
  }
  return pairs;
}

/** The best BM25 contribution any of `pairs` impacts at `words[at…]` can make. */
export function impactBound(
  words: Uint32Array,
  at: number,
  pairs: number,
  weightIdf: number,
  avgLength: number,
  options: Bm25Options,
): number {
  let best = 0;
  for (let p = 0; p < pairs; p++) {
    const score = bm25Term(weightIdf, words[at + 2 * p]!, words[at + 2 * p + 1]!, avgLength, options);
    if (score > best) best = score;
  }
  return best;
}
