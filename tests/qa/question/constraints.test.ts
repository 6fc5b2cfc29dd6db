import { describe, expect, it } from 'vitest';
import { checkConstraints, namesIn, periodsIn, questionConstraints, yearsIn } from '../../../src/qa/question/constraints.ts';

describe('what a question pins down', () => {
  it('reads years, not decades', () => {
    expect(yearsIn('Who won in 2019, and in the 1990s?')).toEqual(['2019']);
  });

  it('reads numbered periods in every spelling, normalised', () => {
    expect(periodsIn('What was revenue in the third quarter?')).toEqual([{ kind: 'quarter', value: '3' }]);
    expect(periodsIn('What was revenue in Q3?')).toEqual([{ kind: 'quarter', value: '3' }]);
    expect(periodsIn('profit in the 3rd quarter')).toEqual([{ kind: 'quarter', value: '3' }]);
    expect(periodsIn('Who scored in round two and in the second leg?')).toEqual([
      { kind: 'leg', value: '2' },
      { kind: 'round', value: '2' },
    ]);
    expect(periodsIn('sales in H1')).toEqual([{ kind: 'half', value: '1' }]);
    expect(periodsIn('Who won the match?')).toEqual([]);
  });

  it('reads the names it mentions past its first word, as analysed terms', () => {
    expect(namesIn('Who won the 2019 Tour de France?')).toEqual([['tour'], ['franc']]);
    expect(namesIn('How many people died when Hurricane Ian hit Florida?')).toEqual([['hurrican', 'ian'], ['florida']]);
    expect(namesIn('What did Apple report?')).toEqual([['appl']]);
    expect(namesIn('When did the talks end?')).toEqual([]);
    expect(namesIn('Along with Apple, which firm reported? Within Nokia?')).toEqual([['appl'], ['nokia']]);
    expect(questionConstraints('Did Apple, Google and Microsoft Corp. report?').namesWritten).toEqual(['Apple', 'Google', 'Microsoft Corp']);
  });

  it('takes months and weekdays on their own for a date, not a name; inside a name they stay', () => {
    expect(namesIn('Where did Jaishankar meet Lavrov in March 2022?')).toEqual([['jaishankar'], ['lavrov']]);
    expect(namesIn('What did Apple announce on Tuesday, Sept. 12?')).toEqual([['appl']]);
    expect(namesIn('How much did shoppers spend on Black Friday?')).toEqual([['black', 'fridai']]);
    expect(questionConstraints('What did Apple sell on Black Friday in November?').namesWritten).toEqual(['Apple', 'Black Friday']);
  });
});

describe('checkConstraints: does the article report what the question pins?', () => {
  const article = { title: 'Apple results', date: '2009-07-21', text: 'Apple reported revenue of $8.34 billion for the third quarter. Sales rose from 2008.' };

  it('is satisfied by the same year (in the text or the date) and the same period', () => {
    expect(checkConstraints(questionConstraints('What was Apple revenue in the third quarter of 2009?'), article)).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(checkConstraints(questionConstraints('What was revenue in Q3 2008?'), article)).toMatchObject({ missing: 0 });
  });

  it('counts another period of the same kind as a contradiction, an unmentioned one as missing', () => {
    expect(checkConstraints(questionConstraints('What was Apple revenue in the fourth quarter?'), article)).toEqual({ missing: 1, contradicted: 1, pinned: 1 });
    expect(checkConstraints(questionConstraints('Who scored in round 2?'), article)).toEqual({ missing: 1, contradicted: 0, pinned: 1 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2011?'), article)).toEqual({ missing: 1, contradicted: 1, pinned: 1 });
  });

  it('counts a year an undated article does not write at half weight; its periods in full', () => {
    const undated = { ...article, date: null };
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2011?'), undated)).toEqual({ missing: 0.5, contradicted: 0.5, pinned: 1 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2009?'), undated)).toEqual({ missing: 0.5, contradicted: 0.5, pinned: 1 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2008?'), undated)).toEqual({ missing: 0, contradicted: 0, pinned: 1 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in the fourth quarter?'), undated)).toEqual({ missing: 1, contradicted: 1, pinned: 1 });
  });

  it('takes the year an undated article’s URL gives as one it reports', () => {
    const undated = { ...article, date: null, url: 'https://example.com/business/2011/11/apple-results.html' };
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2011?'), undated)).toEqual({ missing: 0, contradicted: 0, pinned: 1 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in 2012?'), undated)).toEqual({ missing: 0.5, contradicted: 0.5, pinned: 1 });
    // …and the month it gives after the year, as it would a date in that month.
    expect(checkConstraints(questionConstraints('What was Apple revenue in November 2011?'), undated)).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in October 2011?'), undated)).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(checkConstraints(questionConstraints('What was Apple revenue in January 2011?'), undated)).toEqual({ missing: 1, contradicted: 0, pinned: 2 });
    // Without a month in its URL, an undated report is not held to the month.
    const yearOnly = { ...undated, url: 'https://example.com/2011/apple-results.html' };
    expect(checkConstraints(questionConstraints('What was Apple revenue in January 2011?'), yearOnly)).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
  });

  it('holds a numbered name to the numbers the article gives that series', () => {
    const awards = { title: 'Spotlight wins', date: '2016-02-29', text: 'Spotlight won best picture when the 88th Academy Awards were handed out. Chris Rock hosted.' };
    expect(checkConstraints(questionConstraints('Who hosted the 88th Academy Awards?'), awards)).toEqual({ missing: 0, contradicted: 0, pinned: 1 });
    expect(checkConstraints(questionConstraints('Who hosted the 89th Academy Awards?'), awards)).toEqual({ missing: 1, contradicted: 1, pinned: 1 });
    expect(checkConstraints(questionConstraints('Who won Super Bowl 50?'), awards)).toEqual({ missing: 1, contradicted: 0, pinned: 1 });
    // An article writes a series short as often as in full.
    const war = { title: 'Veterans remember', date: '2019-06-06', text: 'Veterans of WWII gathered in Normandy.' };
    expect(checkConstraints(questionConstraints('Who landed in Normandy in World War II?'), war)).toEqual({ missing: 0, contradicted: 0, pinned: 1 });
    expect(checkConstraints(questionConstraints('Who fought in the First World War?'), war)).toEqual({ missing: 1, contradicted: 1, pinned: 1 });
  });

  it('holds a month of a written year to the article’s date and the months its text names', () => {
    const may = (date: string | null, text: string) => checkConstraints(questionConstraints('Where did the ministers meet in May 2023?'), { title: 'Ministers meet', date, text });
    // Written that month, or within the reporting lag after it, or naming it: reported.
    expect(may('2023-05-04', 'The ministers met in Goa.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(may('2023-06-20', 'The ministers met in Goa.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(may('2023-09-01', 'The ministers, who met in May, met again in Delhi.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    // Written months later about another month: missing, and contradicted when it names another.
    expect(may('2023-09-01', 'The ministers met in Delhi.')).toEqual({ missing: 1, contradicted: 0, pinned: 2 });
    expect(may('2023-09-01', 'The ministers met in Delhi on August 30.')).toEqual({ missing: 1, contradicted: 1, pinned: 2 });
    // Written a year later, its own "in May" is another May: the month must come with the year.
    expect(may('2024-06-01', 'They met in May in Astana, as they had in Goa in 2023.')).toEqual({ missing: 1, contradicted: 1, pinned: 2 });
    expect(may('2024-06-01', 'They met in Astana, as they had in Goa on May 4, 2023.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    // A month later in the calendar than a report of the next year is last year's.
    const october = (date: string, text: string) => checkConstraints(questionConstraints('Who attacked Israel in October 2023?'), { title: 'War', date, text });
    expect(october('2024-01-10', 'Since the attack on October 7, the war of 2023 has spread.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(october('2024-11-10', 'Since the attack on October 7, the war of 2023 has spread.')).toEqual({ missing: 1, contradicted: 1, pinned: 2 });
    // Undated, or of another year: the year is judged, the month adds nothing.
    expect(may(null, 'The ministers met in Delhi in 2023.')).toEqual({ missing: 0, contradicted: 0, pinned: 2 });
    expect(may('2021-09-01', 'The ministers met in Delhi.')).toEqual({ missing: 1, contradicted: 1, pinned: 2 });
  });

  it('pins nothing when the question names no year or period', () => {
    expect(checkConstraints(questionConstraints('What did Apple report?'), article)).toEqual({ missing: 0, contradicted: 0, pinned: 0 });
  });
});
