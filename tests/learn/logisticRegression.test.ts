import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic, sigmoid, type LabelledRow } from '../../src/learn/logisticRegression.ts';
import { solveSymmetric } from '../../src/learn/solve.ts';

/** Rows whose label follows P(y=1) = sigmoid(-1 + 2·x0 - 3·x1) exactly in expectation: each x point with both labels, weighted by their probabilities. */
function expectedRows(): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (let a = 0; a <= 10; a++) {
    for (let b = 0; b <= 10; b++) {
      const x = [a / 10, b / 10];
      const p = sigmoid(-1 + 2 * x[0]! - 3 * x[1]!);
      rows.push({ x, y: 1, weight: p }, { x, y: 0, weight: 1 - p });
    }
  }
  return rows;
}

describe('solveSymmetric', () => {
  it('solves a positive-definite system', () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const x = solveSymmetric(a, Float64Array.from([1, 2, 3]), 3);
    const back = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + a[i * 3 + j]! * x[j]!, 0));
    back.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3][i]!, 10));
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSymmetric(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toThrow(/positive definite/);
  });
});

describe('fitLogistic', () => {
  it('recovers the weights that generated the labels (no penalty)', () => {
    const model = fitLogistic(expectedRows(), { l2: 0 });
    expect(model.intercept).toBeCloseTo(-1, 5);
    expect(model.weights[0]).toBeCloseTo(2, 5);
    expect(model.weights[1]).toBeCloseTo(-3, 5);
    expect(predictLogistic(model, [0.5, 0])).toBeCloseTo(sigmoid(0), 5);
  });

  it('shrinks the weights, not the intercept, under an L2 penalty', () => {
    const free = fitLogistic(expectedRows(), { l2: 0 });
    const penalised = fitLogistic(expectedRows(), { l2: 10 });
    expect(Math.abs(penalised.weights[0]!)).toBeLessThan(Math.abs(free.weights[0]!));
    expect(Math.abs(penalised.weights[1]!)).toBeLessThan(Math.abs(free.weights[1]!));
  });

  it('counts a row by its weight: one row of weight 3 is three rows', () => {
    const once = fitLogistic([{ x: [1], y: 1, weight: 3 }, { x: [0], y: 0 }, { x: [1], y: 0 }, { x: [0], y: 1 }], { l2: 0.1 });
    const thrice = fitLogistic([{ x: [1], y: 1 }, { x: [1], y: 1 }, { x: [1], y: 1 }, { x: [0], y: 0 }, { x: [1], y: 0 }, { x: [0], y: 1 }], { l2: 0.1 });
    expect(once.weights[0]).toBeCloseTo(thrice.weights[0]!, 8);
    expect(once.intercept).toBeCloseTo(thrice.intercept, 8);
  });

  it('is deterministic: the same rows give the same model bit for bit', () => {
    expect(fitLogistic(expectedRows(), { l2: 0.5 })).toEqual(fitLogistic(expectedRows(), { l2: 0.5 }));
  });

  it('fits rows that all share one label without failing', () => {
    const model = fitLogistic([{ x: [1], y: 1 }, { x: [0.5], y: 1 }], { l2: 1 });
    expect(predictLogistic(model, [1])).toBeGreaterThan(0.9);
  });
});
