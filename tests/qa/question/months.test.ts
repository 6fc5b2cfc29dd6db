import { describe, expect, it } from 'vitest';
import { describeMonth, monthsIn, monthsNamed, renameMonth, writesMonthOf } from '../../../src/qa/question/months.ts';
import { parseQuestionDates } from '../../../src/qa/question/questionDates.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const pinned = (question: string) => monthsIn(parseQuestionDates(question, NOW), question).map(describeMonth);

describe('monthsIn: the months a question pins with their year', () => {
  it('reads a month or a day of a written year', () => {
    expect(pinned('Where did they meet in May 2023?')).toEqual(['May 2023']);
    expect(pinned('What happened on July 3, 2024?')).toEqual(['July 2024']);
    expect(pinned('What happened on 3 Sept. 2024?')).toEqual(['September 2024']);
  });

  it('pins no month for a bare year, a month without its year, one the reader’s today anchors, or a span of months', () => {
    expect(pinned('Who won in 2019?')).toEqual([]);
    expect(pinned('Who won in May?')).toEqual([]);
    expect(pinned('Who won last May?')).toEqual([]);
    expect(pinned('What happened between March and June 2020?')).toEqual([]);
    expect(pinned('Did sales rise in May from April 2023?')).toEqual([]);
  });
});

describe('monthsNamed: the months a text writes', () => {
  it('reads full and shortened names, capitalised only ("may" is a verb)', () => {
    expect([...monthsNamed('Talks may resume in June; the Sept. 4 vote and Jan. polls.')].sort((a, b) => a - b)).toEqual([1, 6, 9]);
    expect(monthsNamed('The Marchers may mayhem.').size).toBe(0);
  });
});

describe('renameMonth', () => {
  it('puts another month, in full, where the question wrote its own', () => {
    expect(renameMonth('May 4, 2023', 7)).toBe('July 4, 2023');
    expect(renameMonth('Sept. 2024', 11)).toBe('November 2024');
  });
});

describe('writesMonthOf: the month written with its year', () => {
  it('finds the month beside the year, in full or shortened', () => {
    expect(writesMonthOf('They met on July 3, 2023 in Goa.', 7, '2023')).toBe(true);
    expect(writesMonthOf('They met on 3 July 2023.', 7, '2023')).toBe(true);
    expect(writesMonthOf('Talks resumed in Sept. 2023.', 9, '2023')).toBe(true);
  });

  it('does not join a month to a year of another sentence or another month', () => {
    expect(writesMonthOf('They met on July 3. In 2023 they had met in Goa.', 7, '2023')).toBe(false);
    expect(writesMonthOf('They met in June 2023.', 7, '2023')).toBe(false);
  });
});
