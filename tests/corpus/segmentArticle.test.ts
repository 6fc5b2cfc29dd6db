import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.ts';
import { segmentArticle } from '../../src/corpus/segmentArticle.ts';
import type { Article } from '../../src/corpus/types.ts';

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));
const squadDir = '/work/shared/benchmarks/squad-dev/corpus';

/** Every sentence and chunk quotes the text exactly, trimmed, in order and without overlap. */
function expectOffsetsRoundTrip(article: Article): void {
  const { sentences, chunks } = segmentArticle(article);
  expect(sentences.length).toBeGreaterThan(0);
  let previousEnd = 0;
  sentences.forEach((s, i) => {
    const quoted = article.text.slice(s.start, s.end);
    expect(s).toMatchObject({ docId: article.id, index: i });
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted).toBe(quoted.trim());
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  });
  // Only whitespace lies between sentences: nothing of the text is lost.
  const gaps = sentences.map((s, i) => article.text.slice(i === 0 ? 0 : (sentences[i - 1]?.end ?? 0), s.start));
  expect(gaps.every((g) => g.trim() === '')).toBe(true);
  for (const c of chunks) {
    expect(c.start).toBe(sentences[c.firstSentence]?.start);
    expect(c.end).toBe(sentences[c.lastSentence]?.end);
    expect(c.lastSentence - c.firstSentence).toBeLessThan(5);
  }
  expect(chunks.at(-1)?.lastSentence).toBe(sentences.length - 1);
}

describe('segmentArticle', () => {
  it('gives offsets that round-trip for every sentence and chunk of every seed', async () => {
    const { articles } = await loadArticles(seedsDir);
    expect(articles).toHaveLength(5);
    for (const article of articles) expectOffsetsRoundTrip(article);
  });

  it('quotes seed sentences with abbreviations whole', async () => {
    const { articles } = await loadArticles(seedsDir);
    const all = articles.flatMap((a) => segmentArticle(a).sentences.map((s) => a.text.slice(s.start, s.end)));
    expect(all).toContain(
      '"I will also mention our presence at the St. Petersburg International Economic Forum at the Far Eastern Economic Forum in Vladivostok at the meetings.',
    );
    expect(all.some((s) => s.startsWith('Russian Embassy in India stated') && s.endsWith('met on the sidelines of #ASEAN events."'))).toBe(true);
  });

  it('passes chunk options through', async () => {
    const { articles } = await loadArticles(seedsDir);
    const article = articles[0]!;
    const { sentences, chunks } = segmentArticle(article, { maxSentences: 2, overlap: 0 });
    expect(chunks).toHaveLength(Math.ceil(sentences.length / 2));
  });

  it.skipIf(!existsSync(squadDir))('gives offsets that round-trip for the squad-dev corpus', async () => {
    const { articles, skipped } = await loadArticles(squadDir);
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(24);
    expect(articles[0]?.title).toBe('Super Bowl 50');
    for (const article of articles) expectOffsetsRoundTrip(article);
  });
});
