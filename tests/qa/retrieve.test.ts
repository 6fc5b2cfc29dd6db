import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { withinBounds } from '../../src/qa/question/questionDates.ts';
import { diversify, rankArticles, retrieveChunks, type ScoredChunk } from '../../src/qa/retrieve/retrieveChunks.ts';
import { countTerms } from '../../src/analyze/analyzeTerms.ts';
import { axis, buildIndex, labelsOf } from '../support/qaFixtures.ts';

/**
 * Hybrid fusion over hand-built indexes: chunk vectors are hand-written 4-d unit vectors, so
 * which chunks the vector side finds is known exactly, and the text decides what BM25 finds.
 */

const query = (text: string) => countTerms(analyzeTerms(text));
const docOrder = (chunks: ScoredChunk[]) => chunks.map((c) => c.chunk.docId);
const Q = Float32Array.from(axis(0));

/**
 * both: the query's words and the query's direction; words: the words, an orthogonal vector;
 * vector: the direction, none of the words. `words` and `both` have the same text length.
 */
const triad = () =>
  buildIndex(
    [
      { id: 'both', title: 'Report one', text: 'The volcano eruption buried the harbour town under ash.' },
      { id: 'words', title: 'Report two', text: 'The volcano eruption buried the mountain road under ash.' },
      { id: 'vector', title: 'Report three', text: 'Farmers counted their losses after a quiet spring season.' },
      { id: 'neither', title: 'Report four', text: 'The orchestra rehearsed a new symphony for the winter gala.' },
    ],
    { vectorOf: (docId) => (docId === 'both' || docId === 'vector' ? axis(0) : docId === 'words' ? axis(1) : axis(2)) },
  );

describe('retrieveChunks (BM25 + HNSW fusion)', () => {
  it('ranks a chunk found by both BM25 and the vector side above one found by either alone', () => {
    const index = triad();
    const chunks = retrieveChunks(index, query('volcano eruption ash'), Q);
    const order = docOrder(chunks);
    expect(order[0]).toBe('both');
    expect(order.indexOf('both')).toBeLessThan(order.indexOf('words'));
    expect(order.indexOf('both')).toBeLessThan(order.indexOf('vector'));
    const both = chunks.find((c) => c.chunk.docId === 'both')!;
    expect(both.lexical).toBeGreaterThan(0);
    expect(both.semantic).toBeGreaterThan(0.9);
  });

  it('follows lexicalWeight: 1 ranks by BM25 alone, 0 by cosine alone', () => {
    const index = triad();
    const terms = query('volcano eruption ash');
    const lexicalOnly = docOrder(retrieveChunks(index, terms, Q, { lexicalWeight: 1 }));
    expect(lexicalOnly.indexOf('words')).toBeLessThan(lexicalOnly.indexOf('vector'));
    const semanticOnly = docOrder(retrieveChunks(index, terms, Q, { lexicalWeight: 0 }));
    expect(semanticOnly.indexOf('vector')).toBeLessThan(semanticOnly.indexOf('words'));
  });

  it('reports lexical in [0, 1] relative to the best BM25 hit, and cosine for BM25-only chunks too', () => {
    const index = triad();
    const chunks = retrieveChunks(index, query('volcano eruption harbour'), Q);
    expect(Math.max(...chunks.map((c) => c.lexical))).toBe(1);
    for (const c of chunks) {
      expect(c.lexical).toBeGreaterThanOrEqual(0);
      expect(c.lexical).toBeLessThanOrEqual(1);
    }
    // 'words' is orthogonal to the question, 'vector' identical to it.
    expect(chunks.find((c) => c.chunk.docId === 'words')!.semantic).toBeLessThan(0.01);
    expect(chunks.find((c) => c.chunk.docId === 'vector')!.semantic).toBeGreaterThan(0.99);
  });

  it('drops every chunk of an article acceptDoc refuses (since/until), from both sides', () => {
    const dated = buildIndex(
      [
        { id: 'old', date: '2021-03-02', text: 'The volcano eruption buried the harbour town under ash.' },
        { id: 'mid', date: '2022-06-10', text: 'The volcano eruption closed the airport for a week.' },
        { id: 'new', date: '2023-09-21', text: 'A volcano eruption forced villagers to leave their homes.' },
        { id: 'undated', text: 'The volcano eruption was the largest in a century.' },
      ],
      { vectorOf: () => axis(0) },
    );
    const dateOf = (id: string) => dated.meta(id)!.date;
    const accept = (id: string) => withinBounds(dateOf(id), '2022-01-01', '2022-12-31');
    const chunks = retrieveChunks(dated, query('volcano eruption'), Q, { acceptDoc: accept });
    expect(new Set(docOrder(chunks))).toEqual(new Set(['mid']));

    const since = retrieveChunks(dated, query('volcano eruption'), Q, { acceptDoc: (id) => withinBounds(dateOf(id), '2022-01-01') });
    expect(new Set(docOrder(since))).toEqual(new Set(['mid', 'new']));
    // Without a filter, all four are found.
    expect(new Set(docOrder(retrieveChunks(dated, query('volcano eruption'), Q)))).toEqual(new Set(['old', 'mid', 'new', 'undated']));
  });

  it('multiplies by docBoost, which can re-order two otherwise ranked articles', () => {
    const index = triad();
    const terms = query('volcano eruption ash');
    const plain = docOrder(retrieveChunks(index, terms, Q));
    expect(plain.indexOf('both')).toBeLessThan(plain.indexOf('words'));
    const boosted = retrieveChunks(index, terms, Q, { docBoost: (id) => (id === 'words' ? 10 : 1) });
    expect(boosted[0]!.chunk.docId).toBe('words');
    const penalised = docOrder(retrieveChunks(index, terms, Q, { docBoost: (id) => (id === 'both' ? 0.01 : 1) }));
    expect(penalised.indexOf('both')).toBeGreaterThan(penalised.indexOf('words'));
  });

  it('returns chunks sorted by fused score, best first', () => {
    const chunks = retrieveChunks(triad(), query('volcano eruption ash'), Q);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i - 1]!.score).toBeGreaterThanOrEqual(chunks[i]!.score);
  });
});

/**
 * Three one-sentence chunks for `long`, one for the others. `long` and `other` match the
 * query's words equally (same terms, same lengths); `long` points slightly closer to the
 * question's direction, so plain ranking lists all of `long` first, but `long` and `other`
 * point different ways (orthogonal vectors): `other` is relevant and says something else.
 */
const Q2 = Float32Array.from([1, 0.9, 0, 0].map((x) => x / Math.hypot(1, 0.9)));
const multiChunk = () =>
  buildIndex(
    [
      {
        id: 'long',
        title: 'Island report',
        text: 'The volcano eruption buried the harbour in ash. The volcano eruption closed the harbour for weeks. The volcano eruption emptied the harbour of boats.',
      },
      { id: 'other', title: 'Island report', text: 'The volcano eruption flooded the harbour with mud.' },
      { id: 'third', title: 'Island report', text: 'A volcano was studied by geologists for many years.' },
      { id: 'far', title: 'Concert notes', text: 'The orchestra rehearsed a new symphony for the winter gala.' },
    ],
    {
      chunking: { maxSentences: 1, overlap: 0 },
      vectorOf: (docId) => (docId === 'long' ? axis(0) : docId === 'other' ? axis(1) : docId === 'third' ? axis(2) : axis(3)),
    },
  );

describe('rankArticles', () => {
  it('gives each article once, scored by its best chunk, best first, at most `limit`', () => {
    const index = multiChunk();
    expect(labelsOf(index, 'long')).toHaveLength(3);
    const chunks = retrieveChunks(index, query('volcano eruption harbour'), Q2);
    const ranked = rankArticles(chunks);
    expect(ranked.map((r) => r.docId)).toEqual([...new Set(docOrder(chunks))]);
    expect(new Set(ranked.map((r) => r.docId)).size).toBe(ranked.length);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    const bestLong = Math.max(...chunks.filter((c) => c.chunk.docId === 'long').map((c) => c.score));
    expect(ranked.find((r) => r.docId === 'long')!.score).toBeCloseTo(bestLong, 3);

    expect(rankArticles(chunks, 2)).toHaveLength(2);
    expect(rankArticles(chunks, 2)).toEqual(ranked.slice(0, 2));
    expect(rankArticles([], 5)).toEqual([]);
  });
});

describe('diversify (MMR)', () => {
  it('spreads the top results across articles where plain ranking repeats one article', () => {
    const index = multiChunk();
    const chunks = retrieveChunks(index, query('volcano eruption harbour'), Q2);
    // Plain ranking: the long article's three chunks come first.
    expect(docOrder(chunks.slice(0, 3))).toEqual(['long', 'long', 'long']);
    const top = diversify(index, chunks, 3);
    expect(top).toHaveLength(3);
    expect(top[0]!.chunk.docId).toBe('long');
    expect(new Set(docOrder(top)).size).toBeGreaterThanOrEqual(2);
    // It re-orders, it does not invent: every result is a retrieved chunk.
    for (const c of top) expect(chunks).toContain(c);
  });

  it('returns at most `limit` distinct chunks', () => {
    const index = multiChunk();
    const chunks = retrieveChunks(index, query('volcano eruption harbour'), Q2);
    const top = diversify(index, chunks, 2);
    expect(top).toHaveLength(2);
    expect(new Set(top.map((c) => c.chunk.label)).size).toBe(2);
    expect(diversify(index, chunks, 100).length).toBe(chunks.length);
  });
});
