import { describe, expect, it } from 'vitest';
import { withRelated } from '../../../src/qa/retrieve/buildQuery.ts';

describe('withRelated', () => {
  const terms = new Map([['meet', 1], ['laotian', 1]]);
  const related = new Map([
    ['meet', new Map([['meeting', 0.6], ['encount', 0.6], ['assembl', 0.4], ['gather', 0.4]])],
    ['laotian', new Map([['lao', 0.6]])],
  ]);

  it('adds related words at a share of their slot\'s weight, split among them', () => {
    const query = withRelated(terms, related, 0.5, 100);
    expect(query.get('meet')).toBe(1);
    expect(query.get('lao')).toBeCloseTo(0.5 * 0.6);
    expect(query.get('meeting')).toBeCloseTo((0.5 / 2) * 0.6);
    expect(query.get('gather')).toBeCloseTo((0.5 / 2) * 0.4);
    expect(query.size).toBe(7);
  });

  it('keeps only the heaviest related words, ties by term, and every question word', () => {
    const query = withRelated(terms, related, 0.5, 2);
    expect([...query.keys()]).toEqual(['meet', 'laotian', 'lao', 'encount']);
  });

  it('never lowers a question word that is also related to another', () => {
    const query = withRelated(new Map([['meet', 1], ['meeting', 0.2]]), new Map([['meet', new Map([['meeting', 0.6]])]]), 0.5, 0);
    expect(query.get('meeting')).toBeCloseTo(0.3);
  });
});
