import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { featureRow, SENTENCE_FEATURES, type FeaturedSentence } from './features.ts';

/**
 * The sentence ranker, in two stages over `SENTENCE_FEATURES`: a linear score over all the
 * candidates, which chooses the article and how sure the answer is, then a second linear
 * score that orders the best article's own sentences. Both sets of weights are learned by
 * `npm run train` (listwise softmax fits, src/learn/listwiseRanker.ts) and saved in
 * `ranker.json` beside this file. The file names its features, so a weights file from
 * another feature list is refused at start-up instead of silently misread.
 */
export const RANKER_FORMAT = 2;

const rankerFileSchema = z.object({
  format: z.literal(RANKER_FORMAT),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  /** Weights that order the best article's sentences among themselves (fitted inside the answering article). */
  withinArticle: z.array(z.number()),
  /** A second sentence is quoted when its softmax probability is at least this share of the first's. */
  secondRatio: z.number().min(0).max(1),
  /** What it was fitted on, for the record (sets, counts, options). */
  trainedOn: z.unknown().optional(),
});

export type RankerFile = z.infer<typeof rankerFileSchema>;

export interface RankerModel {
  weights: readonly number[];
  /** Without them, the best article's sentences stay in the order of `weights`. */
  withinArticle?: readonly number[];
  secondRatio: number;
}

export interface RankedSentence extends FeaturedSentence {
  /**
   * The first stage's score of the place the sentence holds (higher is better; softmax over a
   * question's candidates gives P(answer)): the best article's sentences are reordered among
   * the places its sentences hold, and each place keeps its score.
   */
  score: number;
}

/** Read and check a weights file: its features must be exactly today's, in order. */
export function parseRankerFile(raw: unknown, source: string): RankerModel {
  const parsed = rankerFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} is not a ranker weights file (${parsed.error.issues[0]?.path.join('.')}): run \`npm run train\``);
  const { features, weights, withinArticle, secondRatio } = parsed.data;
  if (features.join(',') !== SENTENCE_FEATURES.join(',') || weights.length !== features.length || withinArticle.length !== features.length) {
    throw new Error(`${source} was trained on features [${features.join(', ')}], this version computes [${SENTENCE_FEATURES.join(', ')}]: run \`npm run train\``);
  }
  return { weights, withinArticle, secondRatio };
}

let shipped: RankerModel | undefined;

/** The weights shipped with this version (src/qa/extract/ranker.json), read once. */
export function shippedRanker(): RankerModel {
  const file = new URL('./ranker.json', import.meta.url);
  shipped ??= parseRankerFile(JSON.parse(readFileSync(file, 'utf8')), 'src/qa/extract/ranker.json');
  return shipped;
}

/**
 * The first stage: score and sort, best first; ties go to the earlier article and sentence
 * (deterministic). Which article answers, and how sure that is, is this order's call.
 */
export function rankSentences(candidates: readonly FeaturedSentence[], model: Pick<RankerModel, 'weights'>): RankedSentence[] {
  const ranked = candidates.map((c) => ({ ...c, score: linearScore(model.weights, c) }));
  ranked.sort((a, b) => b.score - a.score || a.sentence.docId.localeCompare(b.sentence.docId) || a.sentence.index - b.sentence.index);
  return ranked;
}

/**
 * The second stage: the best article's sentences put in the order `withinArticle` gives them,
 * in the places they held, each place keeping its first-stage score.
 */
export function reorderBestArticle(ranked: readonly RankedSentence[], withinArticle: readonly number[]): RankedSentence[] {
  const order = bestArticleOrder(
    ranked.map((r) => r.sentence.docId),
    ranked.map((r) => linearScore(withinArticle, r)),
  );
  return order.map((from, place) => ({ ...ranked[from]!, score: ranked[place]!.score }));
}

function linearScore(weights: readonly number[], candidate: FeaturedSentence): number {
  const row = featureRow(candidate.features);
  let score = 0;
  for (let i = 0; i < row.length; i++) score += weights[i]! * row[i]!;
  return score;
}

/**
 * Given candidates in first-stage order (their articles, and their second-stage scores), the
 * order after the second stage, as indices: the places the first candidate's article holds
 * are filled with its candidates by second-stage score (ties keep the first-stage order); every
 * other place keeps its candidate. Shared by the answer path and the training's choice of the
 * second sentence's ratio.
 */
export function bestArticleOrder(docs: readonly string[], withinScores: readonly number[]): number[] {
  const top = docs[0];
  const mine = docs.map((d, i) => i).filter((i) => docs[i] === top);
  const byWithin = [...mine].sort((a, b) => withinScores[b]! - withinScores[a]! || a - b);
  const order = docs.map((_, i) => i);
  mine.forEach((place, k) => (order[place] = byWithin[k]!));
  return order;
}
