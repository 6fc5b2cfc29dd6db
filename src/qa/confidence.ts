import type { ScoredSentence } from './extractAnswer.ts';

/**
 * How likely the best sentence answers the question, in [0, 1]: a logistic model over the
 * extraction features. The coefficients were fitted on the public benchmarks (see
 * scripts/calibrate.ts and the README) so that, e.g., 0.7 means about seven in ten such
 * answers were right there.
 */
export interface ConfidenceModel {
  intercept: number;
  coverage: number;
  context: number;
  semantic: number;
  typed: number;
  margin: number;
}

export const DEFAULT_CONFIDENCE_MODEL: Readonly<ConfidenceModel> = Object.freeze({
  intercept: -4,
  coverage: 6,
  context: 1,
  semantic: 1.5,
  typed: 0.5,
  margin: 1,
});

/** Below this the archive is said not to answer. @default 0.35 */
export const DEFAULT_ABSTAIN_BELOW = 0.35;

export function confidenceOf(best: ScoredSentence | undefined, runnerUp: ScoredSentence | undefined, model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL): number {
  if (!best) return 0;
  const margin = runnerUp ? Math.max(0, best.score - runnerUp.score) : best.score;
  const z =
    model.intercept +
    model.coverage * best.features.coverage +
    model.context * best.features.context +
    model.semantic * best.semantic +
    model.typed * best.features.typed +
    model.margin * margin;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
