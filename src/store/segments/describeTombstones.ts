import type { Tombstones } from './lexicalSearcher.ts';
import type { Segment } from './openSegment.ts';
import { SEGMENT_FIX, SegmentError } from './segmentError.ts';

/**
 * The tombstones for deleting `articles` (local indexes) from `segment`: how many chunks and
 * terms they take away from the statistics, and from each term's document frequency.
 * Segments keep no forward index, so the caller re-derives each deleted chunk's terms the way
 * ingest cut them (analyzeTerms(chunkEmbeddingText(title, text, chunk))) with `termsOf`; a
 * count that differs from the stored length means the analysis changed since the segment was
 * written, and the statistics could not be trusted, so it throws.
 */
export function describeTombstones(segment: Segment, articles: Iterable<number>, termsOf: (unit: number) => readonly string[]): Tombstones {
  const set = new Set(articles);
  const dfDelta = new Map<string, number>();
  let units = 0;
  let lengthDelta = 0;
  for (const article of set) {
    const { from, to } = segment.chunkRangeOf(article);
    for (let unit = from; unit < to; unit++) {
      const terms = termsOf(unit);
      const length = segment.columns.length[unit]!;
      if (terms.length !== length) {
        throw new SegmentError(
          'SEGMENT_INPUT',
          `chunk ${unit} of segment ${segment.dir} has ${length} terms stored but ${terms.length} now; the term analysis changed: ${SEGMENT_FIX}`,
        );
      }
      for (const term of new Set(terms)) dfDelta.set(term, (dfDelta.get(term) ?? 0) + 1);
      units++;
      lengthDelta += length;
    }
  }
  return { articles: set, dfDelta, lengthDelta, units };
}
