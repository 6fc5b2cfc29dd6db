import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, analyzeTerms } from '../../../src/analyze/analyzeTerms.ts';
import { loadArticles } from '../../../src/corpus/loadArticles.ts';
import { segmentArticle } from '../../../src/corpus/segmentArticle.ts';
import { chunkEmbeddingText } from '../../../src/store/chunkText.ts';
import { countTerms, LexicalIndex } from '../../../src/store/lexicalIndex.ts';
import { describeTombstones, LexicalSearcher, mergeSegments, openSegment, writeSegment, type Segment, type SegmentArticleInput } from '../../../src/store/segments/index.ts';
import { random, sameRanking } from './syntheticCorpus.ts';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
const questions = readFileSync(new URL('../../fixtures/dev-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { question: string }).question);

let root: string;
let inputs: SegmentArticleInput[];
let segments: Segment[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'segments-seeds-'));
  // As src/ingest.ts cuts them: sentences and chunks, terms of title + chunk text, labels in order.
  const { articles } = await loadArticles(seedsDir);
  let label = 0;
  inputs = articles.map((article) => {
    const { sentences, chunks } = segmentArticle(article);
    return {
      article,
      hash: `seed-${article.id}`,
      sentences,
      chunks: chunks.map((c) => ({ ...c, label: label++, terms: analyzeTerms(chunkEmbeddingText(article.title, article.text, c)) })),
    };
  });
  await writeSegment(join(root, 'a'), inputs.slice(0, 3), { analyzerVersion: ANALYZER_VERSION, blockSize: 4 });
  await writeSegment(join(root, 'b'), inputs.slice(3), { analyzerVersion: ANALYZER_VERSION, blockSize: 4 });
  segments = [openSegment(join(root, 'a')), openSegment(join(root, 'b'))];
});

afterAll(() => {
  for (const s of segments ?? []) s.close();
  rmSync(root, { recursive: true, force: true });
});

/** Today's exhaustive BM25 over the given articles' chunks (unit i = i-th chunk, labels ascending). */
function todaysIndex(live: SegmentArticleInput[]) {
  const units = live.flatMap((a) => a.chunks);
  return { index: LexicalIndex.build(units.map((c) => c.terms)), labelOf: (unit: number) => units[unit]!.label };
}

/** Each dev question as today's retrieval weighs it, and again with related-word-like low-weight extras. */
function queries(): Array<Map<string, number>> {
  const vocabulary = [...new Set(inputs.flatMap((a) => a.chunks.flatMap((c) => c.terms)))].sort();
  const rand = random(41);
  return questions.flatMap((question) => {
    const plain = countTerms(analyzeTerms(question));
    const expanded = new Map(plain);
    for (let i = 0; i < 10; i++) expanded.set(vocabulary[Math.floor(rand() * vocabulary.length)]!, 0.05 + 0.25 * rand());
    return [plain, expanded];
  });
}

describe('segments on the five seed articles', () => {
  it('rank dev questions exactly as today\'s LexicalIndex does (labels and scores)', () => {
    const searcher = new LexicalSearcher(segments.map((segment) => ({ segment })));
    const { index, labelOf } = todaysIndex(inputs);
    expect(searcher.unitCount).toBe(index.unitCount);
    for (const weights of queries()) {
      for (const k of [1, 5, 60]) {
        const expected = index.search(weights, k).map((h) => ({ label: labelOf(h.unit), score: h.score }));
        expect(sameRanking(searcher.search(weights, k), expected), `${[...weights.keys()].join(' ')} k=${k}`).toBeUndefined();
      }
      for (const term of weights.keys()) expect(searcher.idf(term)).toBe(index.idf(term));
    }
  });

  it('rank as a LexicalIndex without the deleted article, when one is tombstoned', () => {
    const gone = 1;
    const segment = segments[0]!;
    const deleted = describeTombstones(segment, [gone], (unit) => {
      const chunk = segment.chunk(unit);
      const meta = segment.articleMeta(chunk.articleIndex);
      return analyzeTerms(chunkEmbeddingText(meta.title, segment.articleText(chunk.articleIndex), chunk));
    });
    const searcher = new LexicalSearcher([{ segment, deleted }, { segment: segments[1]! }]);
    const { index, labelOf } = todaysIndex(inputs.filter((_, i) => i !== gone));
    expect(searcher.unitCount).toBe(index.unitCount);
    for (const weights of queries()) {
      const expected = index.search(weights, 60).map((h) => ({ label: labelOf(h.unit), score: h.score }));
      expect(sameRanking(searcher.search(weights, 60), expected)).toBeUndefined();
    }
  });

  it('quote the same text after a merge: sentence offsets index the stored text', async () => {
    await mergeSegments(segments.map((segment) => ({ segment })), join(root, 'merged'));
    const merged = openSegment(join(root, 'merged'));
    try {
      inputs.forEach((input, i) => {
        const text = merged.articleText(i);
        expect(merged.sentencesOf(i).map((s) => text.slice(s.start, s.end))).toEqual(input.sentences.map((s) => input.article.text.slice(s.start, s.end)));
      });
      expect(merged.header.analyzerVersion).toBe(ANALYZER_VERSION);
    } finally {
      merged.close();
    }
  });
});
