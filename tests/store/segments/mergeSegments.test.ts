import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeTombstones,
  LexicalSearcher,
  mergeSegments,
  openSegment,
  verifySegment,
  writeSegment,
  type SearchSource,
  type Segment,
  type SegmentArticleInput,
} from '../../../src/store/segments/index.ts';
import { random, sameRanking, syntheticArticles, vocabulary } from './syntheticCorpus.ts';

const VOCAB = vocabulary(250);
const BATCHES = [
  { seed: 31, articles: 90, firstLabel: 0, blockSize: 8, deleted: [1, 2, 3, 50] },
  { seed: 32, articles: 70, firstLabel: 20_000, blockSize: 4, deleted: [] as number[] },
  { seed: 33, articles: 50, firstLabel: 10_000, blockSize: 16, deleted: [0, 49] },
];

let root: string;
let inputs: SegmentArticleInput[][];
let segments: Segment[];
let sources: SearchSource[];
let merged: Segment;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'segments-merge-'));
  inputs = BATCHES.map((b) => syntheticArticles({ articles: b.articles, vocabulary: VOCAB, firstLabel: b.firstLabel, seed: b.seed }));
  segments = [];
  for (const [i, b] of BATCHES.entries()) {
    await writeSegment(join(root, `in${i}`), inputs[i]!, { blockSize: b.blockSize });
    segments.push(openSegment(join(root, `in${i}`)));
  }
  sources = segments.map((segment, s) => {
    const terms = inputs[s]!.flatMap((a) => a.chunks.map((c) => c.terms));
    return { segment, deleted: describeTombstones(segment, BATCHES[s]!.deleted, (u) => terms[u]!) };
  });
  await mergeSegments(sources, join(root, 'merged'), { blockSize: 8 });
  merged = openSegment(join(root, 'merged'));
});

afterAll(() => {
  for (const s of [...(segments ?? []), merged]) s?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('mergeSegments', () => {
  it('keeps exactly the live articles, in order, with texts, sentences, chunks and labels', async () => {
    const liveInputs = BATCHES.flatMap((b, s) => inputs[s]!.filter((_, a) => !b.deleted.includes(a)));
    expect(merged.articleCount).toBe(liveInputs.length);
    let unit = 0;
    liveInputs.forEach((input, i) => {
      expect(merged.article(i)).toEqual(input.article);
      expect(merged.articleMeta(i).hash).toBe(input.hash);
      expect(merged.sentencesOf(i)).toEqual(input.sentences);
      for (const c of input.chunks) {
        expect(merged.chunk(unit)).toEqual({ articleIndex: i, start: c.start, end: c.end, firstSentence: c.firstSentence, lastSentence: c.lastSentence, label: c.label, length: c.terms.length });
        expect(merged.localUnitOfLabel(c.label)).toBe(unit);
        unit++;
      }
    });
    expect(merged.chunkCount).toBe(unit);
    await expect(verifySegment(join(root, 'merged'))).resolves.toBeDefined();
  });

  it('has the statistics of its inputs with their tombstones', () => {
    const before = new LexicalSearcher(sources);
    const after = new LexicalSearcher([{ segment: merged }]);
    expect(after.unitCount).toBe(before.unitCount);
    expect(after.avgLength).toBe(before.avgLength);
    for (const term of VOCAB) expect(after.documentFrequency(term), term).toBe(before.documentFrequency(term));
    // A term only the deleted articles had is gone from the dictionary.
    expect(merged.header.counts.terms).toBe(VOCAB.filter((t) => before.documentFrequency(t) > 0).length);
  });

  it('gives the same search results as its inputs', () => {
    const before = new LexicalSearcher(sources);
    const after = new LexicalSearcher([{ segment: merged }]);
    const rand = random(34);
    for (let q = 0; q < 200; q++) {
      const weights = new Map<string, number>();
      for (let i = 1 + Math.floor(rand() * 12); i > 0; i--) weights.set(VOCAB[Math.floor(VOCAB.length * rand() ** 2)]!, 0.05 + 2.95 * rand());
      const k = 1 + Math.floor(rand() * 100);
      const accept = q % 2 ? undefined : (label: number) => label % 5 !== 0;
      const a = before.search(weights, k, accept);
      const b = after.search(weights, k, accept);
      expect(sameRanking(b, a), `query ${q}`).toBeUndefined();
    }
  });

  it('refuses to merge two live copies of one article', async () => {
    await expect(mergeSegments([{ segment: segments[1]! }, { segment: segments[1]! }], join(root, 'twice'))).rejects.toMatchObject({ code: 'SEGMENT_INPUT' });
  });
});
