import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SENTENCE_FEATURES, type SentenceFeatures } from '../../../src/qa/extract/features.ts';
import { parseRankerFile, rankSentences, RANKER_FORMAT, shippedRanker } from '../../../src/qa/extract/ranker.ts';
import type { FeaturedSentence } from '../../../src/qa/extract/features.ts';

const file = (over: Record<string, unknown> = {}) => ({ format: RANKER_FORMAT, features: [...SENTENCE_FEATURES], weights: SENTENCE_FEATURES.map(() => 0), secondRatio: 0.3, ...over });

function candidate(docId: string, index: number, features: Partial<SentenceFeatures>): FeaturedSentence {
  const all = Object.fromEntries(SENTENCE_FEATURES.map((f) => [f, 0])) as SentenceFeatures;
  return { sentence: { docId, index, start: 0, end: 1 }, text: 'x', terms: [], context: 1, semantic: 0, articleRank: 0, features: { ...all, ...features } };
}

describe('the ranker weights file', () => {
  it('ships a file naming today\'s features in order, with a weight each', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../src/qa/extract/ranker.json', import.meta.url), 'utf8'));
    expect(raw.features).toEqual([...SENTENCE_FEATURES]);
    expect(shippedRanker().weights).toHaveLength(SENTENCE_FEATURES.length);
    expect(shippedRanker().secondRatio).toBeGreaterThan(0);
  });

  it('refuses a file trained on other features, naming the fix', () => {
    expect(() => parseRankerFile(file({ features: ['coverage'], weights: [1] }), 'old.json')).toThrow(/old\.json was trained on features \[coverage\].*npm run train/);
    expect(() => parseRankerFile(file({ features: [...SENTENCE_FEATURES].reverse() }), 'x')).toThrow(/npm run train/);
  });

  it('refuses a malformed file, naming the field', () => {
    expect(() => parseRankerFile({ format: 99 }, 'x.json')).toThrow(/x\.json is not a ranker weights file \(format\)/);
    expect(() => parseRankerFile(file({ secondRatio: 2 }), 'x.json')).toThrow(/secondRatio/);
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
