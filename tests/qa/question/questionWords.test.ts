import { describe, expect, it } from 'vitest';
import { CALENDAR_WORD, countValue } from '../../../src/qa/question/questionWords.ts';

describe('question words', () => {
  it('countValue reads ordinals, cardinals and digits alike, and nothing else', () => {
    expect(['third', 'Third', '3rd', 'three', '3'].map(countValue)).toEqual([3, 3, 3, 3, 3]);
    expect(countValue('twelfth')).toBe(12);
    expect(countValue('XIV')).toBeNaN();
    expect(countValue('quarter')).toBeNaN();
  });

  it('CALENDAR_WORD knows months in full or cut short, and weekdays, not words that start like them', () => {
    for (const w of ['January', 'Sept.', 'sep', 'May', 'DECEMBER', 'Thursday']) expect(CALENDAR_WORD.test(w), w).toBe(true);
    for (const w of ['Mayfield', 'Marchers', 'Junebug', 'Sunday-best', 'Monaco']) expect(CALENDAR_WORD.test(w), w).toBe(false);
  });
});
