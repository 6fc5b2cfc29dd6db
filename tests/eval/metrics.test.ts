import { describe, expect, it } from 'vitest';
import { abstentionCurve, computeMetrics, formatNearMisses } from '../../src/eval/metrics.ts';
import type { EvalQuestion } from '../../src/eval/questions.ts';
import type { Answer } from '../../src/qa/types.ts';

const q = (id: string, answerable: boolean, answers: string[] = []): EvalQuestion => ({ id, question: id, answers, sources: answerable ? ['a'] : [], answerable });
const answer = (text: string, confidence: number, abstained = false): Answer => ({
  question: '',
  kind: abstained ? 'abstain' : 'answer',
  abstained,
  confidence,
  answer: text,
  sentences: abstained ? [] : [{ text, docId: 'a', start: 0, end: text.length, citation: 1, citations: [1] }],
  sources: [],
  retrieved: [{ docId: 'a', score: 1 }],
  timingsMs: { retrieve: 1, answer: 1, total: 2 },
});

const pairs = [
  { question: q('right', true, ['Vientiane']), result: answer('They met in Vientiane.', 0.8) },
  { question: q('wrong', true, ['Goa']), result: answer('They met in Vientiane.', 0.3) },
  { question: q('unanswerable', false), result: answer('They met in Vientiane.', 0.2) },
];

describe('metrics', () => {
  it('computes hit@2, citation, abstention and false abstention', () => {
    expect(computeMetrics(pairs)).toMatchObject({ answerHitAt2: 0.5, citationCorrect: 1, abstention: 0, falseAbstention: 0, maxSentences: 1 });
  });

  it('draws the abstention curve from answers given without abstaining', () => {
    const [none, mid, high] = abstentionCurve(pairs, [0, 0.25, 0.9]);
    expect(none).toEqual({ threshold: 0, answerHitAt2: 0.5, abstention: 0, falseAbstention: 0 });
    expect(mid).toEqual({ threshold: 0.25, answerHitAt2: 0.5, abstention: 1, falseAbstention: 0 });
    expect(high).toEqual({ threshold: 0.9, answerHitAt2: 0, abstention: 1, falseAbstention: 1 });
  });
});

describe('formatNearMisses', () => {
  it('gives the share declined, in all and by what was changed', () => {
    const rows = [
      { kind: 'year', abstained: true },
      { kind: 'year', abstained: false },
      { kind: 'edition', abstained: true },
      { kind: 'year', abstained: true },
    ];
    expect(formatNearMisses(rows)).toBe(['near misses          4 (edition 1, year 3)', '  abstained          0.750 (edition 1.000, year 0.667)'].join('\n'));
  });

  it('says n/a when no question pins anything to move', () => {
    expect(formatNearMisses([])).toBe(['near misses          0', '  abstained           n/a '].join('\n'));
  });
});
