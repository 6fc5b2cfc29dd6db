import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readQuestions } from '../../src/eval/questions.ts';
import { chooseSecondRatio, chooseThreshold, holdsAnswer, insideAnsweringArticle, trainModels } from '../../src/learn/trainModels.ts';
import { SENTENCE_FEATURES, WITHIN_ARTICLE_ONLY } from '../../src/qa/extract/features.ts';
import { parseAbstentionFile } from '../../src/qa/answer/abstention.ts';
import type { AnswerSettings } from '../../src/qa/answer/answerQuestion.ts';
import { parseRankerFile } from '../../src/qa/extract/ranker.ts';
import { openArchive } from '../../src/qa/openArchive.ts';
import { copySeeds, makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';

afterAll(removeTempDirs);

/** Train on the seeds with the first 30 questions of the seed training set. */
async function trainOnSeeds() {
  const settings: AnswerSettings = {};
  const archive = await openArchive({ indexDir: await makeTempDir('train'), corpusDir: await copySeeds(), embedder: 'hashed', settings });
  const questions = (await readQuestions(join(import.meta.dirname, '../fixtures/train-questions.jsonl'))).slice(0, 30);
  return trainModels([{ name: 'seeds', archive, questions, ranker: true, abstention: true }], settings);
}

describe('trainModels', () => {
  it('writes weights files the answer path accepts, and the same data gives the same files', async () => {
    const first = await trainOnSeeds();
    const second = await trainOnSeeds();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(() => parseRankerFile(first.ranker, 'trained')).not.toThrow();
    expect(() => parseAbstentionFile(first.abstention, 'trained')).not.toThrow();
    expect(first.ranker.trainedOn).toEqual({ seeds: 30 });
    // Coverage of the question's words is what answers share most: it must count for them.
    expect(first.ranker.weights[first.ranker.features.indexOf('coverage')]).toBeGreaterThan(0);
    // Two stages: the article's choice never reads what only tells an article's sentences apart.
    expect(first.ranker.withinArticle).toHaveLength(SENTENCE_FEATURES.length);
    for (const feature of WITHIN_ARTICLE_ONLY) expect(first.ranker.weights[SENTENCE_FEATURES.indexOf(feature)]).toBe(0);
    expect(first.ranker.withinArticle.some((w) => w !== 0)).toBe(true);
  });
});

describe('trainModels abstentionWeight', () => {
  it('lets a set count for less in the abstention fit', async () => {
    const settings: AnswerSettings = {};
    const archive = await openArchive({ indexDir: await makeTempDir('train'), corpusDir: await copySeeds(), embedder: 'hashed', settings });
    const all = await readQuestions(join(import.meta.dirname, '../fixtures/train-questions.jsonl'));
    const answerable = all.filter((q) => q.answerable).slice(0, 20);
    const unanswerable = all.filter((q) => !q.answerable).slice(0, 10);
    const fit = async (weight: number) =>
      (
        await trainModels(
          [
            { name: 'answerable', archive, questions: answerable, ranker: true, abstention: true },
            { name: 'unanswerable', archive, questions: unanswerable, ranker: false, abstention: true, abstentionWeight: weight },
          ],
          settings,
        )
      ).abstention;
    const full = await fit(1);
    const light = await fit(0.1);
    // Fewer declines to learn from: the model leans towards answering.
    expect(light.intercept).toBeGreaterThan(full.intercept);
  });
});

describe('holdsAnswer', () => {
  const candidate = (docId: string, text: string) => ({ text, sentence: { docId, index: 0, start: 0, end: text.length } });
  it('needs a gold answer string and, when sources are given, a gold article', () => {
    const q = { id: 'x', question: '?', answers: ['Vientiane'], sources: ['a'], answerable: true };
    expect(holdsAnswer(q, candidate('a', 'They met in  VIENTIANE today.'))).toBe(true);
    expect(holdsAnswer(q, candidate('b', 'They met in Vientiane today.'))).toBe(false);
    expect(holdsAnswer(q, candidate('a', 'They met in Laos.'))).toBe(false);
  });
});

describe('chooseThreshold', () => {
  it('declines where declining makes more questions come out right', () => {
    const rows = [
      { set: 's', y: 1 as const, p: 0.9, answerable: true },
      { set: 's', y: 1 as const, p: 0.6, answerable: true },
      { set: 's', y: 0 as const, p: 0.3, answerable: false },
      { set: 's', y: 0 as const, p: 0.2, answerable: false },
    ];
    const t = chooseThreshold(rows);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.6);
  });

  it('prefers a broad plateau to a spike one threshold wide', () => {
    const answer = (p: number) => ({ set: 's', y: 1 as const, p, answerable: true });
    const unanswerable = (p: number) => ({ set: 's', y: 0 as const, p, answerable: false });
    // Right: 4 of 6 from 0.20 to 0.30, 3 from 0.31 to 0.35, 5 at 0.36 alone, 3 above.
    const rows = [unanswerable(0.195), answer(0.305), unanswerable(0.355), unanswerable(0.355), answer(0.36), answer(0.36)];
    const t = chooseThreshold(rows);
    expect(t).toBeGreaterThanOrEqual(0.2);
    expect(t).toBeLessThanOrEqual(0.3);
  });

  it('weighs each set as it is told', () => {
    // Set a is right to answer at 0.4, set b is right to decline there.
    const rows = [
      { set: 'a', y: 1 as const, p: 0.4, answerable: true },
      { set: 'b', y: 0 as const, p: 0.4, answerable: false },
      { set: 'b', y: 0 as const, p: 0.4, answerable: false },
    ];
    expect(chooseThreshold(rows, new Map([['b', 0.5]]))).toBeLessThanOrEqual(0.4);
    expect(chooseThreshold(rows, new Map([['a', 0.5]]))).toBeGreaterThan(0.4);
  });
});

describe('insideAnsweringArticle', () => {
  it('keeps each question\'s candidates from the article holding its answer, when there are two or more', () => {
    const groups = [
      { set: 's', rows: [[1], [2], [3], [4]], relevant: [false, true, false, false], docs: ['x', 'y', 'x', 'y'], weight: 0.5 },
      // The answering article has one candidate: nothing to order inside it.
      { set: 's', rows: [[1], [2]], relevant: [true, false], docs: ['x', 'y'], weight: 0.5 },
    ];
    expect(insideAnsweringArticle(groups)).toEqual([{ set: 's', rows: [[2], [4]], relevant: [true, false], docs: ['y', 'y'], weight: 0.5 }]);
  });
});

describe('chooseSecondRatio', () => {
  it('quotes a second sentence only when it brings the answer often enough to pay its cost', () => {
    // The answer is always the second best, at half the first's probability.
    const groups = Array.from({ length: 10 }, () => ({ set: 's', rows: [[Math.log(2)], [0], [-5]], relevant: [false, true, false] }));
    expect(chooseSecondRatio(groups, [1], 0.05)).toBeLessThanOrEqual(0.5);
    // Never the second: the second sentence only costs.
    const never = Array.from({ length: 10 }, () => ({ set: 's', rows: [[Math.log(2)], [0], [-5]], relevant: [true, false, false] }));
    expect(chooseSecondRatio(never, [1], 0.05)).toBeGreaterThan(0.5);
  });

  it('counts the sentences the second stage puts in the first two places', () => {
    // One article; the first stage ranks the answer third, where no second sentence reaches it,
    // and the second stage brings it second. Feature 0 is the first stage's, 1 the second's.
    const groups = Array.from({ length: 10 }, () => ({ set: 's', rows: [[2, 2], [1, 0], [0, 1]], relevant: [false, false, true], docs: ['a', 'a', 'a'] }));
    expect(chooseSecondRatio(groups, [1, 0], 0.05)).toBeGreaterThan(0.3);
    expect(chooseSecondRatio(groups, [1, 0], 0.05, [0, 1])).toBeLessThanOrEqual(0.3);
  });
});

describe('trainModels withinArticleOnly', () => {
  it('fits a set into the second stage only: the first stage, the second sentence and the abstention model come out as without it', async () => {
    const settings: AnswerSettings = {};
    const archive = await openArchive({ indexDir: await makeTempDir('train'), corpusDir: await copySeeds(), embedder: 'hashed', settings });
    const all = await readQuestions(join(import.meta.dirname, '../fixtures/train-questions.jsonl'));
    const base = { name: 'seeds', archive, questions: all.slice(0, 30), ranker: true, abstention: true };
    const extra = { name: 'more', archive, questions: all.slice(30, 60), ranker: false, withinArticleOnly: true, abstention: false };
    const without = await trainModels([base], settings);
    const withMore = await trainModels([base, extra], settings);
    expect(withMore.ranker.weights).toEqual(without.ranker.weights);
    expect(withMore.ranker.secondRatio).toBe(without.ranker.secondRatio);
    expect(withMore.abstention).toEqual(without.abstention);
    expect(withMore.ranker.withinArticle).not.toEqual(without.ranker.withinArticle);
    expect(withMore.ranker.trainedOn).toEqual({ seeds: 30, more: 30 });
    expect(withMore.abstention.trainedOn).toEqual({ seeds: 30 });
  });
});
