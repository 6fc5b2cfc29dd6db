import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SENTENCE_FEATURES, WITHIN_ARTICLE_ONLY, type SentenceFeatures } from '../../../src/qa/extract/features.ts';
import { bestArticleOrder, parseRankerFile, rankSentences, RANKER_FORMAT, reorderBestArticle, shippedRanker } from '../../../src/qa/extract/ranker.ts';
import type { FeaturedSentence } from '../../../src/qa/extract/features.ts';

const file = (over: Record<string, unknown> = {}) => ({
  format: RANKER_FORMAT,
  features: [...SENTENCE_FEATURES],
  weights: SENTENCE_FEATURES.map(() => 0),
  withinArticle: SENTENCE_FEATURES.map(() => 0),
  secondRatio: 0.3,
  ...over,
});

function candidate(docId: string, index: number, features: Partial<SentenceFeatures>): FeaturedSentence {
  const all = Object.fromEntries(SENTENCE_FEATURES.map((f) => [f, 0])) as SentenceFeatures;
  return { sentence: { docId, index, start: 0, end: 1 }, text: 'x', terms: [], context: 1, semantic: 0, articleRank: 0, features: { ...all, ...features } };
}

describe('the ranker weights file', () => {
  it('ships a file naming today\'s features in order, with a weight each for both stages', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../src/qa/extract/ranker.json', import.meta.url), 'utf8'));
    expect(raw.features).toEqual([...SENTENCE_FEATURES]);
    expect(shippedRanker().weights).toHaveLength(SENTENCE_FEATURES.length);
    expect(shippedRanker().withinArticle).toHaveLength(SENTENCE_FEATURES.length);
    expect(shippedRanker().secondRatio).toBeGreaterThan(0);
    // The first stage, which chooses the article, never reads what only tells an article's sentences apart.
    for (const feature of WITHIN_ARTICLE_ONLY) expect(shippedRanker().weights[SENTENCE_FEATURES.indexOf(feature)]).toBe(0);
  });

  it('refuses a file trained on other features, naming the fix', () => {
    expect(() => parseRankerFile(file({ features: ['coverage'], weights: [1] }), 'old.json')).toThrow(/old\.json was trained on features \[coverage\].*npm run train/);
    expect(() => parseRankerFile(file({ features: [...SENTENCE_FEATURES].reverse() }), 'x')).toThrow(/npm run train/);
  });

  it('refuses a malformed file, naming the field', () => {
    expect(() => parseRankerFile({ format: 99 }, 'x.json')).toThrow(/x\.json is not a ranker weights file \(format\)/);
    expect(() => parseRankerFile(file({ secondRatio: 2 }), 'x.json')).toThrow(/secondRatio/);
    // A first-format file (one stage) names the fix too.
    expect(() => parseRankerFile({ ...file(), format: 1, withinArticle: undefined }, 'v1.json')).toThrow(/v1\.json is not a ranker weights file \(format\).*npm run train/);
    expect(() => parseRankerFile(file({ withinArticle: [1] }), 'short.json')).toThrow(/npm run train/);
  });
});

describe('rankSentences', () => {
  it('scores each candidate by the weighted sum of its features, best first, ties by article and position', () => {
    const weights = SENTENCE_FEATURES.map((f) => (f === 'coverage' ? 2 : f === 'typed' ? 1 : 0));
    const model = parseRankerFile(file({ weights }), 'x');
    const a = candidate('a', 3, { coverage: 0.5 });
    const b = candidate('b', 0, { coverage: 0.5, typed: 1 });
    const c = candidate('a', 1, { coverage: 0.5 });
    const out = rankSentences([a, b, c], model);
    expect(out.map((r) => [r.sentence.docId, r.sentence.index, r.score])).toEqual([
      ['b', 0, 2],
      ['a', 1, 1],
      ['a', 3, 1],
    ]);
  });
});

describe('the second stage: the best article\'s sentences in their own order', () => {
  it('refills the places the first article holds, by second-stage score, and leaves every other place as it was', () => {
    // First-stage order: a, b, a, c, a. The second stage prefers a's third candidate, then its first.
    expect(bestArticleOrder(['a', 'b', 'a', 'c', 'a'], [1, 9, 0, 9, 5])).toEqual([4, 1, 0, 3, 2]);
    // Ties keep the first stage's order; a single candidate of the article stays.
    expect(bestArticleOrder(['a', 'a', 'b'], [2, 2, 0])).toEqual([0, 1, 2]);
    expect(bestArticleOrder(['a', 'b'], [0, 9])).toEqual([0, 1]);
    expect(bestArticleOrder([], [])).toEqual([]);
  });

  it('reorderBestArticle: the first stage chooses the article and each place keeps its score; the second orders that article\'s sentences', () => {
    const weights = SENTENCE_FEATURES.map((f) => (f === 'coverage' ? 2 : 0));
    const withinArticle = SENTENCE_FEATURES.map((f) => (f === 'offTitle' ? 1 : 0));
    const lead = candidate('a', 0, { coverage: 0.9, offTitle: 0 });
    const detail = candidate('a', 5, { coverage: 0.5, offTitle: 0.5 });
    const other = candidate('b', 2, { coverage: 0.7, offTitle: 1 });
    const model = parseRankerFile(file({ weights, withinArticle }), 'x');
    const firstStage = rankSentences([lead, detail, other], model);
    expect(firstStage.map((r) => [r.sentence.docId, r.sentence.index])).toEqual([
      ['a', 0],
      ['b', 2],
      ['a', 5],
    ]);
    expect(reorderBestArticle(firstStage, model.withinArticle!).map((r) => [r.sentence.docId, r.sentence.index, r.score])).toEqual([
      ['a', 5, 1.8],
      ['b', 2, 1.4],
      ['a', 0, 1],
    ]);
  });
});
