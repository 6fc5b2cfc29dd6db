import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { featureRow, SENTENCE_FEATURES, type FeaturedSentence } from './features.ts';

/**
 * The sentence ranker: a linear score over `SENTENCE_FEATURES`, with weights learned by
 * `npm run train` (a listwise softmax fit, src/learn/listwiseRanker.ts) and saved in
 * `ranker.json` beside this file. The file names its features, so a weights file from
 * another feature list is refused at start-up instead of silently misread.
 */
export const RANKER_FORMAT = 1;

const rankerFileSchema = z.object({
  format: z.literal(RANKER_FORMAT),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  /** A second sentence is quoted when its softmax probability is at least this share of the first's. */
  secondRatio: z.number().min(0).max(1),
  /** What it was fitted on, for the record (sets, counts, options). */
  trainedOn: z.unknown().optional(),
});

export type RankerFile = z.infer<typeof rankerFileSchema>;

export interface RankerModel {
  weights: readonly number[];
  secondRatio: number;
}

export interface RankedSentence extends FeaturedSentence {
  /** The ranker's linear score (higher is better; softmax over a question's candidates gives P(answer)). */
  score: number;
}

/** Read and check a weights file: its features must be exactly today's, in order. */
export function parseRankerFile(raw: unknown, source: string): RankerModel {
  const parsed = rankerFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} is not a ranker weights file (${parsed.error.issues[0]?.path.join('.')}): run \`npm run train\``);
  const { features, weights, secondRatio } = parsed.data;
  if (features.join(',') !== SENTENCE_FEATURES.join(',') || weights.length !== features.length) {
    throw new Error(`${source} was trained on features [${features.join(', ')}], this version computes [${SENTENCE_FEATURES.join(', ')}]: run \`npm run train\``);
  }
  return { weights, secondRatio };
}

let shipped: RankerModel | undefined;

/** The weights shipped with this version (src/qa/extract/ranker.json), read once. */
export function shippedRanker(): RankerModel {
  const file = new URL('./ranker.json', import.meta.url);
  shipped ??= parseRankerFile(JSON.parse(readFileSync(file, 'utf8')), 'src/qa/extract/ranker.json');
  return shipped;
}

/** Score and sort, best first; ties go to the earlier article and sentence (deterministic). */
export function rankSentences(candidates: readonly FeaturedSentence[], model: RankerModel): RankedSentence[] {
  const ranked = candidates.map((c) => {
    const row = featureRow(c.features);
    let score = 0;
    for (let i = 0; i < row.length; i++) score += model.weights[i]! * row[i]!;
    return { ...c, score };
  });
  ranked.sort((a, b) => b.score - a.score || a.sentence.docId.localeCompare(b.sentence.docId) || a.sentence.index - b.sentence.index);
  return ranked;
}
