import { solveSymmetric } from './solve.ts';

/**
 * A question's candidates: feature rows, which of them answer, and how much the question
 * counts. Questions with no answering candidate teach a ranker nothing and are left out by
 * the caller.
 */
export interface RankingGroup {
  rows: ReadonlyArray<readonly number[]>;
  relevant: ReadonlyArray<boolean>;
  /** @default 1 */
  weight?: number;
}

export interface RankerFitOptions {
  /** L2 penalty on the weights. @default 1 */
  l2: number;
  /** Newton steps at most. @default 100 */
  maxIterations: number;
  /** Stop when the loss improves by less than this share. @default 1e-10 */
  tolerance: number;
}

export const DEFAULT_RANKER_FIT_OPTIONS: Readonly<RankerFitOptions> = Object.freeze({ l2: 1, maxIterations: 100, tolerance: 1e-10 });

/**
 * A listwise linear ranker (conditional logit, as in ListNet's top-one model): within a
 * question, P(candidate i is the answer) = softmax(w · xᵢ), and fitting maximises the
 * probability of the candidates that hold a gold answer, summed when several do. Only
 * differences between a question's candidates matter, so a feature that is the same for all
 * of them (how hard the question is) carries no weight here; that is the abstention model's
 * job. Fitted by damped Newton steps on the Fisher information (the softmax covariance of
 * the features, positive definite with the L2 term), with a backtracking line search on the
 * true loss: deterministic, and a few dozen steps for a few dozen features.
 */
export function fitListwiseRanker(groups: readonly RankingGroup[], options: Partial<RankerFitOptions> = {}): number[] {
  const o = { ...DEFAULT_RANKER_FIT_OPTIONS, ...options };
  const d = groups.find((g) => g.rows.length > 0)?.rows[0]?.length ?? 0;
  let w = new Float64Array(d);
  let loss = lossOf(groups, w, o.l2);
  for (let iteration = 0; iteration < o.maxIterations; iteration++) {
    const gradient = new Float64Array(d);
    const fisher = new Float64Array(d * d);
    for (const group of groups) {
      const weight = group.weight ?? 1;
      const p = softmax(group.rows.map((x) => dot(w, x)));
      const positive = p.map((pi, i) => (group.relevant[i] ? pi : 0));
      const mass = positive.reduce((a, b) => a + b, 0);
      if (mass === 0) continue;
      const mean = new Float64Array(d);
      group.rows.forEach((x, i) => {
        for (let k = 0; k < d; k++) mean[k]! += p[i]! * x[k]!;
      });
      group.rows.forEach((x, i) => {
        const q = positive[i]! / mass;
        const c = weight * (p[i]! - q);
        for (let k = 0; k < d; k++) gradient[k]! += c * x[k]!;
        for (let a = 0; a < d; a++) {
          const da = x[a]! - mean[a]!;
          if (da === 0) continue;
          for (let b = 0; b <= a; b++) fisher[a * d + b]! += weight * p[i]! * da * (x[b]! - mean[b]!);
        }
      });
    }
    for (let a = 0; a < d; a++) {
      gradient[a]! += o.l2 * w[a]!;
      fisher[a * d + a]! += o.l2;
      for (let b = 0; b < a; b++) fisher[b * d + a] = fisher[a * d + b]!;
    }
    const step = solveSymmetric(fisher, gradient, d);
    let scale = 1;
    let next = w;
    let nextLoss = loss;
    for (let tries = 0; tries < 30; tries++) {
      next = w.map((wi, k) => wi - scale * step[k]!);
      nextLoss = lossOf(groups, next, o.l2);
      if (nextLoss <= loss) break;
      scale /= 2;
    }
    if (nextLoss > loss) break;
    const improved = (loss - nextLoss) / Math.max(1e-300, Math.abs(loss));
    w = next;
    loss = nextLoss;
    if (improved < o.tolerance) break;
  }
  return [...w];
}

/** Negative log-likelihood of the relevant candidates, weighted, plus the L2 term. */
export function lossOf(groups: readonly RankingGroup[], w: Float64Array | readonly number[], l2: number): number {
  let loss = 0;
  for (const group of groups) {
    const p = softmax(group.rows.map((x) => dot(w, x)));
    const mass = p.reduce((sum, pi, i) => sum + (group.relevant[i] ? pi : 0), 0);
    if (mass > 0) loss -= (group.weight ?? 1) * Math.log(mass);
  }
  let norm = 0;
  for (let k = 0; k < w.length; k++) norm += w[k]! * w[k]!;
  return loss + (l2 / 2) * norm;
}

export function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let z = 0;
  for (let k = 0; k < x.length; k++) z += w[k]! * x[k]!;
  return z;
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
