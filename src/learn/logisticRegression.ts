import { solveSymmetric } from './solve.ts';

/** One training example: features, a 0/1 label and how much it counts. */
export interface LabelledRow {
  x: readonly number[];
  y: 0 | 1;
  /** @default 1 */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the intercept). @default 1 */
  l2: number;
  /** Newton steps at most. @default 50 */
  maxIterations: number;
  /** Stop when no weight moves more than this. @default 1e-8 */
  tolerance: number;
}

export const DEFAULT_FIT_OPTIONS: Readonly<FitOptions> = Object.freeze({ l2: 1, maxIterations: 50, tolerance: 1e-8 });

export interface LogisticModel {
  intercept: number;
  weights: number[];
}

/**
 * Weighted, L2-regularised logistic regression fitted by Newton's method (iteratively
 * reweighted least squares). Deterministic: the same rows in the same order give the same
 * model bit for bit, which `npm run train` relies on. `ml-logistic-regression` was the
 * alternative; it fits by a fixed number of gradient steps (so its answer depends on a
 * learning rate) and takes no per-row weights, which the training sets need (a few hundred
 * news questions beside thousands of SQuAD ones).
 */
export function fitLogistic(rows: readonly LabelledRow[], options: Partial<FitOptions> = {}): LogisticModel {
  const o = { ...DEFAULT_FIT_OPTIONS, ...options };
  const d = rows[0]?.x.length ?? 0;
  const n = d + 1; // intercept last
  const beta = new Float64Array(n);
  for (let iteration = 0; iteration < o.maxIterations; iteration++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    for (const row of rows) {
      const w = row.weight ?? 1;
      const p = sigmoid(linear(beta, row.x));
      const r = w * (p - row.y);
      const s = w * p * (1 - p);
      for (let i = 0; i < n; i++) {
        const xi = i < d ? row.x[i]! : 1;
        gradient[i]! += r * xi;
        for (let j = 0; j <= i; j++) hessian[i * n + j]! += s * xi * (j < d ? row.x[j]! : 1);
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) hessian[j * n + i] = hessian[i * n + j]!;
      if (i < d) {
        gradient[i]! += o.l2 * beta[i]!;
        hessian[i * n + i]! += o.l2;
      } else {
        hessian[i * n + i]! += 1e-9; // keeps the intercept's pivot positive when every row has one label
      }
    }
    const step = solveSymmetric(hessian, gradient, n);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      beta[i]! -= step[i]!;
      moved = Math.max(moved, Math.abs(step[i]!));
    }
    if (moved < o.tolerance) break;
  }
  return { intercept: beta[d]!, weights: [...beta.subarray(0, d)] };
}

/** Probability of label 1 under a fitted model. */
export function predictLogistic(model: LogisticModel, x: readonly number[]): number {
  let z = model.intercept;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * (x[i] ?? 0);
  return sigmoid(z);
}

function linear(beta: Float64Array, x: readonly number[]): number {
  let z = beta[x.length]!;
  for (let i = 0; i < x.length; i++) z += beta[i]! * x[i]!;
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
