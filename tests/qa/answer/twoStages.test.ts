import { describe, expect, it } from 'vitest';
import { SENTENCE_FEATURES } from '../../../src/qa/extract/features.ts';
import type { Inspection } from '../../../src/qa/answer/answerQuestion.ts';
import { asker, buildIndex } from '../../support/qaFixtures.ts';

// The lead repeats the headline's words; the answer to "how many homes" is further down.
const index = buildIndex([
  {
    id: 'quake',
    title: 'Earthquake shakes Tarnow',
    date: '2023-03-04',
    text: 'A strong earthquake shook Tarnow on Saturday, damaging roads, the earthquake agency said. Engineers inspected the cathedral. Mayor Anna Kowal said 40 homes were damaged.',
  },
  { id: 'fair', title: 'Book fair', text: 'The spring book fair drew record crowds to the riverside hall.' },
]);

describe('two stages: the article and the confidence are the first stage\'s, the sentence the second\'s', () => {
  const question = 'How many homes did the earthquake in Tarnow damage?';
  // A first stage that reads coverage alone: the lead holds three of the question's words, the answer two.
  const firstStageOnly = { weights: SENTENCE_FEATURES.map((f) => (f === 'coverage' ? 1 : 0)), secondRatio: 1 };
  // A second stage that reads only `offTitle`: the question's words the headline does not say.
  const detailFirst = { ...firstStageOnly, withinArticle: SENTENCE_FEATURES.map((f) => (f === 'offTitle' ? 1 : 0)) };

  it('quotes the sentence the second stage prefers inside the best article, at the confidence the first stage\'s pick gets', async () => {
    let seen: Inspection | undefined;
    const inspect = (s: Inspection) => (seen = s);
    const one = await asker(index, { ranker: firstStageOnly, abstainBelow: 0, inspect })(question);
    const oneFeatures = seen!.features;
    const two = await asker(index, { ranker: detailFirst, abstainBelow: 0, inspect })(question);
    expect(one.sentences[0]!.text).toMatch(/^A strong earthquake/);
    expect(two.sentences[0]!.text).toBe('Mayor Anna Kowal said 40 homes were damaged.');
    // Whether the archive answers is judged on the first stage's pick, whatever is shown.
    expect(two.confidence).toBe(one.confidence);
    expect(seen!.features).toEqual(oneFeatures);
    // The reordered places keep the first stage's scores, so the second sentence's rule reads the same odds.
    expect(seen!.ranked.map((r) => r.score)).toEqual([...seen!.ranked.map((r) => r.score)].sort((a, b) => b - a));
  });
});
