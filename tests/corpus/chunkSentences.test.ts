import { describe, expect, it } from 'vitest';
import { chunkSentences } from '../../src/corpus/chunkSentences.ts';
import { splitSentences } from '../../src/corpus/splitSentences.ts';
import type { Chunk } from '../../src/corpus/types.ts';

/** Sentence ranges of the chunks, e.g. [[0, 2], [2, 4]]. */
function ranges(chunks: Chunk[]): number[][] {
  return chunks.map((c) => [c.firstSentence, c.lastSentence]);
}

const text = 'One a. Two b. Three c. Four d. Five e. Six f. Seven g.';
const spans = splitSentences(text);

describe('chunkSentences', () => {
  it('caps chunks at maxSentences and shares overlap sentences between neighbours', () => {
    expect(spans).toHaveLength(7);
    expect(ranges(chunkSentences('d', spans, { maxSentences: 3, overlap: 1 }, text))).toEqual([[0, 2], [2, 4], [4, 6]]);
    expect(ranges(chunkSentences('d', spans, { maxSentences: 3, overlap: 0 }, text))).toEqual([[0, 2], [3, 5], [6, 6]]);
    expect(ranges(chunkSentences('d', spans, { maxSentences: 3, overlap: 2 }, text))).toEqual([[0, 2], [1, 3], [2, 4], [3, 5], [4, 6]]);
  });

  it('caps chunks at maxWords, counting words in the text', () => {
    expect(ranges(chunkSentences('d', spans, { maxSentences: 5, maxWords: 4, overlap: 0 }, text))).toEqual([
      [0, 1], [2, 3], [4, 5], [6, 6],
    ]);
  });

  it('makes an over-long sentence a chunk of its own and never repeats a chunk', () => {
    const t = 'Short one. This sentence is much longer than the word limit allows. Short two.';
    const s = splitSentences(t);
    expect(ranges(chunkSentences('d', s, { maxSentences: 5, maxWords: 4, overlap: 1 }, t))).toEqual([[0, 0], [1, 1], [2, 2]]);
  });

  it('spans from the first sentence start to the last sentence end and carries the doc id', () => {
    const [first] = chunkSentences('doc-1', spans, { maxSentences: 2, overlap: 0 }, text);
    expect(first).toEqual({ docId: 'doc-1', start: 0, end: 13, firstSentence: 0, lastSentence: 1 });
    expect(text.slice(first?.start, first?.end)).toBe('One a. Two b.');
  });

  it('uses the defaults (5 sentences, overlap 1) when no options are given', () => {
    expect(ranges(chunkSentences('d', spans, undefined, text))).toEqual([[0, 4], [4, 6]]);
  });

  it('returns no chunks for no sentences', () => {
    expect(chunkSentences('d', [], {}, '')).toEqual([]);
  });

  it.each([
    [{ maxSentences: 3, overlap: 3 }, /overlap = 3 must be smaller than maxSentences = 3/],
    [{ maxSentences: 0 }, /maxSentences = 0/],
    [{ maxWords: 2.5 }, /maxWords = 2.5/],
    [{ overlap: -1 }, /overlap = -1/],
  ])('rejects invalid options %j with CHUNK_OPTIONS_INVALID', (options, message) => {
    expect(() => chunkSentences('d', spans, options, text)).toThrow(message);
    expect(() => chunkSentences('d', spans, options, text)).toThrow(expect.objectContaining({ code: 'CHUNK_OPTIONS_INVALID' }));
  });
});
