import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { fitWordVectors, jacobiEigen } from '../../src/embed/wordVectors.ts';
import { topicalTexts } from '../support/topicalTexts.ts';

const texts = topicalTexts(600).map(analyzeTerms);

function vectorOf(model: NonNullable<ReturnType<typeof fitWordVectors>>, word: string): Float32Array {
  const i = model.words.indexOf(analyzeTerms(word)[0]!);
  expect(i).toBeGreaterThanOrEqual(0);
  return model.vectors.subarray(i * model.dims, (i + 1) * model.dims);
}
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('jacobiEigen', () => {
  it('finds the eigenpairs of a symmetric matrix', () => {
    const m = [[2, 1, 0], [1, 2, 0], [0, 0, 5]];
    const { values, vectors } = jacobiEigen(m);
    expect([...values].sort((a, b) => a - b).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 3, 5]);
    values.forEach((value, e) => {
      for (let i = 0; i < 3; i++) {
        const mv = m[i]!.reduce((s, x, j) => s + x * vectors[j]![e]!, 0);
        expect(mv).toBeCloseTo(value * vectors[i]![e]!, 9);
      }
    });
  });
});

describe('fitWordVectors (PPMI + truncated SVD)', () => {
  const model = fitWordVectors(texts, { dims: 8 })!;

  it('gives words used in the same company near vectors, though they never share a text', () => {
    expect(texts.some((t) => t.includes('vaccin') && t.includes('immun'))).toBe(false);
    expect(cos(vectorOf(model, 'vaccine'), vectorOf(model, 'immunization'))).toBeGreaterThan(cos(vectorOf(model, 'vaccine'), vectorOf(model, 'striker')) + 0.3);
    expect(cos(vectorOf(model, 'striker'), vectorOf(model, 'attacker'))).toBeGreaterThan(0.5);
  });

  it('returns unit vectors, deterministically', () => {
    const again = fitWordVectors(texts, { dims: 8 })!;
    expect(Array.from(again.vectors)).toEqual(Array.from(model.vectors));
    expect(cos(vectorOf(model, 'dose'), vectorOf(model, 'dose'))).toBeCloseTo(1, 5);
  });

  it('learns nothing from too few texts', () => {
    expect(fitWordVectors(texts.slice(0, 3), { dims: 8 })).toBeUndefined();
  });
});
