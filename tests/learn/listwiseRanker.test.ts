import { describe, expect, it } from 'vitest';
import { fitListwiseRanker, lossOf, softmax, type RankingGroup } from '../../src/learn/listwiseRanker.ts';

/** Questions whose answer is the candidate with feature 0 set; feature 1 is noise, the same for all. */
function groups(): RankingGroup[] {
  const out: RankingGroup[] = [];
  for (let q = 0; q < 30; q++) {
    const rows = [0, 1, 2, 3].map((i) => [i === q % 4 ? 1 : 0, ((q * 7 + i * 3) % 5) / 5]);
    out.push({ rows, relevant: rows.map((r) => r[0] === 1) });
  }
  return out;
}

describe('fitListwiseRanker', () => {
  it('learns to rank the candidate the answers share a feature with first', () => {
    const w = fitListwiseRanker(groups(), { l2: 0.01 });
    expect(w[0]).toBeGreaterThan(3);
    expect(Math.abs(w[1]!)).toBeLessThan(w[0]! / 5);
    for (const g of groups()) {
      const p = softmax(g.rows.map((x) => x[0]! * w[0]! + x[1]! * w[1]!));
      expect(g.relevant[p.indexOf(Math.max(...p))]).toBe(true);
    }
  });

  it('lowers the loss from the starting point, and a feature constant within every question gets no weight', () => {
    const constant = groups().map((g, q) => ({ ...g, rows: g.rows.map((r) => [...r, q % 3]) }));
    const w = fitListwiseRanker(constant, { l2: 0.01 });
    expect(lossOf(constant, w, 0.01)).toBeLessThan(lossOf(constant, [0, 0, 0], 0.01));
    expect(w[2]).toBeCloseTo(0, 6);
  });

  it('credits a question with several answering candidates for any of them', () => {
    const both: RankingGroup[] = [{ rows: [[1, 0], [0, 1], [0, 0]], relevant: [true, true, false] }];
    const w = fitListwiseRanker(both, { l2: 0.1 });
    expect(w[0]).toBeGreaterThan(0);
    expect(w[1]).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(fitListwiseRanker(groups())).toEqual(fitListwiseRanker(groups()));
  });
});
