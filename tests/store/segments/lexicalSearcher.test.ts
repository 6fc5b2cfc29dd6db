import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeTombstones,
  LexicalSearcher,
  openSegment,
  writeSegment,
  type SearchSource,
  type SearchStats,
  type Segment,
  type SegmentArticleInput,
} from '../../../src/store/segments/index.ts';
import { bruteForceBm25, random, sameRanking, syntheticArticles, vocabulary, type ReferenceUnit } from './syntheticCorpus.ts';

const VOCAB = vocabulary(300);

/** Three batches with different block sizes; some articles of each are deleted. */
const BATCHES = [
  { seed: 1, articles: 120, firstLabel: 0, blockSize: 4, deleted: [0, 5, 17, 40, 41, 42, 99] },
  { seed: 2, articles: 80, firstLabel: 10_000, blockSize: 8, deleted: [3, 79] },
  { seed: 3, articles: 60, firstLabel: 5_000, blockSize: 128, deleted: [] },
];

let root: string;
let inputs: SegmentArticleInput[][];
let segments: Segment[];
let sources: SearchSource[];
let live: ReferenceUnit[];

function unitTerms(batch: SegmentArticleInput[]): Array<readonly string[]> {
  return batch.flatMap((a) => a.chunks.map((c) => c.terms));
}

function tombstonesFor(s: number) {
  const terms = unitTerms(inputs[s]!);
  return describeTombstones(segments[s]!, BATCHES[s]!.deleted, (unit) => terms[unit]!);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'segments-search-'));
  inputs = BATCHES.map((b) => syntheticArticles({ articles: b.articles, vocabulary: VOCAB, firstLabel: b.firstLabel, seed: b.seed }));
  segments = [];
  for (const [i, b] of BATCHES.entries()) {
    await writeSegment(join(root, `seg${i}`), inputs[i]!, { blockSize: b.blockSize });
    segments.push(openSegment(join(root, `seg${i}`)));
  }
  sources = segments.map((segment, s) => ({ segment, deleted: tombstonesFor(s) }));
  live = BATCHES.flatMap((b, s) => inputs[s]!.filter((_, a) => !b.deleted.includes(a)).flatMap((a) => a.chunks.map((c) => ({ label: c.label, terms: c.terms }))));
});

afterAll(() => {
  for (const s of segments ?? []) s.close();
  rmSync(root, { recursive: true, force: true });
});

/** A random query: 1-14 terms, rare and frequent, some absent, weights 0.05-3. */
function randomQuery(rand: () => number): Map<string, number> {
  const weights = new Map<string, number>();
  const n = 1 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) {
    const r = rand();
    const term = r < 0.05 ? `absent${i}` : r < 0.5 ? VOCAB[Math.floor(rand() * 12)]! : VOCAB[Math.floor(rand() * VOCAB.length)]!;
    weights.set(term, 0.05 + rand() * 2.95);
  }
  return weights;
}

describe('LexicalSearcher over segments with tombstones', () => {
  it('finds the same labels with the same scores as brute-force BM25 for 400 random queries', () => {
    const searcher = new LexicalSearcher(sources);
    const rand = random(7);
    for (let q = 0; q < 400; q++) {
      const weights = randomQuery(rand);
      const k = 1 + Math.floor(rand() * 100);
      const mismatch = sameRanking(searcher.search(weights, k), bruteForceBm25(live, weights, k));
      expect(mismatch, `query ${q} ${JSON.stringify([...weights])} k=${k}`).toBeUndefined();
    }
  });

  it('applies accept filters exactly as a filtered brute force would', () => {
    const searcher = new LexicalSearcher(sources);
    const rand = random(8);
    const filters: Array<(label: number) => boolean> = [(l) => l % 3 !== 0, (l) => l >= 5_000 && l < 10_050, (l) => l % 17 === 0, () => false];
    for (let q = 0; q < 200; q++) {
      const weights = randomQuery(rand);
      const k = 1 + Math.floor(rand() * 100);
      const accept = filters[q % filters.length]!;
      const mismatch = sameRanking(searcher.search(weights, k, accept), bruteForceBm25(live, weights, k, accept));
      expect(mismatch, `query ${q} k=${k}`).toBeUndefined();
    }
  });

  it('ranks like brute force when most articles are deleted (deleted units set no bar)', () => {
    const segment = segments[0]!;
    const batch = inputs[0]!;
    const gone = batch.map((_, a) => a).filter((a) => a % 3 !== 0);
    const terms = unitTerms(batch);
    const searcher = new LexicalSearcher([{ segment, deleted: describeTombstones(segment, gone, (u) => terms[u]!) }]);
    const units = batch.filter((_, a) => a % 3 === 0).flatMap((a) => a.chunks.map((c) => ({ label: c.label, terms: c.terms })));
    const rand = random(10);
    for (let q = 0; q < 300; q++) {
      const weights = randomQuery(rand);
      const k = 1 + Math.floor(rand() * 30);
      expect(sameRanking(searcher.search(weights, k), bruteForceBm25(units, weights, k)), `query ${q} k=${k}`).toBeUndefined();
    }
  });

  it('gives each hit its segment and local unit', () => {
    const searcher = new LexicalSearcher(sources);
    const hits = searcher.search(new Map([[VOCAB[0]!, 1], [VOCAB[20]!, 0.5]]), 50);
    expect(hits.length).toBe(50);
    for (const hit of hits) expect(segments[hit.source]!.chunk(hit.unit).label).toBe(hit.label);
  });

  it('never returns a unit of a deleted article', () => {
    const searcher = new LexicalSearcher(sources);
    const deletedLabels = new Set(BATCHES.flatMap((b, s) => b.deleted.flatMap((a) => inputs[s]![a]!.chunks.map((c) => c.label))));
    expect(deletedLabels.size).toBeGreaterThan(0);
    const hits = searcher.search(new Map(VOCAB.slice(0, 40).map((t) => [t, 1])), 10_000);
    expect(hits.length).toBe(live.filter((u) => u.terms.some((t) => VOCAB.slice(0, 40).includes(t))).length);
    expect(hits.some((h) => deletedLabels.has(h.label))).toBe(false);
  });

  it('has the statistics of a segment written without the deleted articles', async () => {
    const withTombstones = new LexicalSearcher(sources);
    const rewritten: Segment[] = [];
    for (const [s, b] of BATCHES.entries()) {
      const dir = join(root, `rewritten${s}`);
      await writeSegment(dir, inputs[s]!.filter((_, a) => !b.deleted.includes(a)), { blockSize: b.blockSize });
      rewritten.push(openSegment(dir));
    }
    try {
      const clean = new LexicalSearcher(rewritten.map((segment) => ({ segment })));
      expect(withTombstones.unitCount).toBe(clean.unitCount);
      expect(withTombstones.unitCount).toBe(live.length);
      expect(withTombstones.totalLength).toBe(clean.totalLength);
      expect(withTombstones.avgLength).toBe(clean.avgLength);
      for (const term of [...VOCAB, 'absent']) {
        expect(withTombstones.documentFrequency(term), term).toBe(clean.documentFrequency(term));
        expect(withTombstones.idf(term), term).toBe(clean.idf(term));
      }
      const rand = random(9);
      for (let q = 0; q < 100; q++) {
        const weights = randomQuery(rand);
        const k = 1 + Math.floor(rand() * 100);
        const a = withTombstones.search(weights, k).map(({ label, score }) => ({ label, score }));
        const b = clean.search(weights, k).map(({ label, score }) => ({ label, score }));
        expect(sameRanking(a, b), `query ${q}`).toBeUndefined();
      }
    } finally {
      for (const s of rewritten) s.close();
    }
  });

  /**
   * One larger segment of 1,500 synthetic articles (block size 16), searched for `weights`:
   * the ranking is checked against brute force, and the work counters are returned.
   */
  async function searchBig(name: string, seed: number, weights: Map<string, number>): Promise<{ stats: SearchStats; unitCount: number; frequentDf: number }> {
    const big = syntheticArticles({ articles: 1500, vocabulary: VOCAB, firstLabel: 100_000 * seed, seed });
    const dir = join(root, name);
    await writeSegment(dir, big, { blockSize: 16 });
    const segment = openSegment(dir);
    try {
      const searcher = new LexicalSearcher([{ segment }]);
      const stats: SearchStats = { candidates: 0, scored: 0, blocksDecoded: 0, blocksTotal: 0 };
      const hits = searcher.search(weights, 10, undefined, stats);
      const units = big.flatMap((a) => a.chunks.map((c) => ({ label: c.label, terms: c.terms })));
      expect(sameRanking(hits, bruteForceBm25(units, weights, 10))).toBeUndefined();
      return { stats, unitCount: searcher.unitCount, frequentDf: searcher.documentFrequency(VOCAB[0]!) };
    } finally {
      segment.close();
    }
  }

  it('leaves most blocks of a frequent low-weight term undecoded', async () => {
    // A rare term decides, a term in nearly every chunk only adds 0.1.
    const weights = new Map([[VOCAB[150]!, 1.5], [VOCAB[160]!, 1], [VOCAB[0]!, 0.1], [VOCAB[1]!, 0.1], [VOCAB[2]!, 0.1]]);
    const { stats, unitCount, frequentDf } = await searchBig('big', 11, weights);
    expect(frequentDf).toBeGreaterThan(0.5 * unitCount);
    expect(stats.blocksDecoded).toBeLessThan(0.25 * stats.blocksTotal);
    expect(stats.candidates).toBeLessThan(0.25 * unitCount);
  });

  it('does not let many light words make a frequent heavy word walk its list', async () => {
    // A question's common words at full weight, one rarer name, and a dozen light related
    // words: ordered by best contribution alone, the light lists filled the budget of what
    // may be left unwalked, and the frequent words proposed nearly every chunk.
    const weights = new Map([[VOCAB[0]!, 1], [VOCAB[1]!, 1], [VOCAB[120]!, 1]]);
    for (let i = 0; i < 12; i++) weights.set(VOCAB[180 + 8 * i]!, 0.15);
    const { stats, unitCount, frequentDf } = await searchBig('light', 12, weights);
    expect(frequentDf).toBeGreaterThan(0.5 * unitCount);
    // 1,201 of 3,612 chunks; 2,572 when lists were ordered by best contribution alone.
    expect(stats.candidates).toBeLessThan(0.4 * unitCount);
  });

  it('refuses tombstones whose counts do not match the deleted articles', () => {
    const t = tombstonesFor(0);
    expect(() => new LexicalSearcher([{ segment: segments[0]!, deleted: { ...t, units: t.units + 1 } }])).toThrow(expect.objectContaining({ code: 'SEGMENT_INPUT' }));
    expect(() => new LexicalSearcher([{ segment: segments[0]!, deleted: { ...t, lengthDelta: t.lengthDelta - 1 } }])).toThrow(expect.objectContaining({ code: 'SEGMENT_INPUT' }));
  });

  it('returns nothing for k = 0, unknown terms or non-positive weights', () => {
    const searcher = new LexicalSearcher(sources);
    expect(searcher.search(new Map([[VOCAB[0]!, 1]]), 0)).toEqual([]);
    expect(searcher.search(new Map([['nowhere', 1]]), 10)).toEqual([]);
    expect(searcher.search(new Map([[VOCAB[0]!, 0], [VOCAB[1]!, -1]]), 10)).toEqual([]);
  });
});
