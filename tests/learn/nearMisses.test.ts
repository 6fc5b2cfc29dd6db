import { describe, expect, it } from 'vitest';
import { nearMisses } from '../../src/learn/nearMisses.ts';

const article = 'Apple reported third-quarter revenue of $8.34 billion on Tuesday, up from the second quarter of 2008. The results for 2009 beat estimates.';

describe('nearMisses', () => {
  it('moves a pinned year to a nearby one that no article names', () => {
    const made = nearMisses([{ id: 'q1', question: 'What was Apple revenue in 2009?', articleText: article }], `${article} In 2007 the company grew.`);
    expect(made).toEqual([{ id: 'q1~year', kind: 'year', question: 'What was Apple revenue in 2011?', change: '2009 → 2011' }]);
  });

  it('moves a pinned quarter to one the article does not report, keeping its spelling', () => {
    const made = nearMisses([{ id: 'q2', question: 'What was Apple revenue in the third quarter?', articleText: article }], article);
    expect(made).toEqual([{ id: 'q2~quarter', kind: 'period', question: 'What was Apple revenue in the fourth quarter?', change: 'quarter 3 → 4' }]);
    const coded = nearMisses([{ id: 'q3', question: 'What was revenue in Q2?', articleText: 'Revenue rose in Q2.' }], 'Revenue rose in Q2.');
    expect(coded[0]!.question).toBe('What was revenue in Q3?');
  });

  it('renumbers a pinned edition to one the article does not report, keeping its spelling', () => {
    const awards = 'Spotlight won when the 88th Academy Awards were handed out; the 87th went to Birdman.';
    const made = nearMisses([{ id: 'q5', question: 'Who hosted the 88th Academy Awards?', articleText: awards }], awards);
    expect(made).toEqual([{ id: 'q5~edition', kind: 'edition', question: 'Who hosted the 89th Academy Awards?', change: '88th Academy Awards → 89th Academy Awards' }]);
    const elsewhere = nearMisses([{ id: 'q7', question: 'Who hosted the 88th Academy Awards?', articleText: 'The 88th Academy Awards.' }], 'Jimmy Kimmel hosted the 89th Academy Awards.');
    expect(elsewhere[0]!.question).toBe('Who hosted the 87th Academy Awards?');
    const roman = nearMisses([{ id: 'q6', question: 'Who won Super Bowl XLIX?', articleText: 'Super Bowl XLIX and Super Bowl L.' }], '');
    expect(roman[0]!.question).toBe('Who won Super Bowl XLVIII?');
  });

  it('moves a pinned month within its year to one no article was written in or names', () => {
    const report = 'The ministers met in Goa on Thursday.';
    const source = { id: 'q8', question: 'Where did the ministers meet on May 4, 2023?', articleText: report, articleDates: ['2023-05-05'] };
    const made = nearMisses([source], report, ['2023-05-05']).filter((m) => m.kind === 'month');
    expect(made).toEqual([{ id: 'q8~month', kind: 'month', question: 'Where did the ministers meet on July 4, 2023?', change: 'May 2023 → July 2023' }]);
    // July is taken by another article's date, March by another's text: the next shift is used.
    const busy = nearMisses([source], `${report} Talks in March 2023 failed.`, ['2023-05-05', '2023-07-10']).filter((m) => m.kind === 'month');
    expect(busy[0]!.question).toBe('Where did the ministers meet on August 4, 2023?');
    // A late day may not exist in the other month.
    expect(nearMisses([{ ...source, question: 'Where did they meet on May 31, 2023?' }], report, []).filter((m) => m.kind === 'month')).toEqual([]);
  });

  it('makes nothing from a question that pins no year or period', () => {
    expect(nearMisses([{ id: 'q4', question: 'Who leads Apple?', articleText: article }], article)).toEqual([]);
  });

  it('is deterministic', () => {
    const sources = [{ id: 'a', question: 'Revenue in 2009 and the third quarter?', articleText: article }];
    expect(nearMisses(sources, article)).toEqual(nearMisses(sources, article));
  });
});
