import { describe, expect, it } from 'vitest';
import { monthsInUrl, yearsInUrl } from '../../../src/qa/question/urlDates.ts';

describe('yearsInUrl', () => {
  it('reads a year that stands as a path segment of its own, with or without a day after it', () => {
    expect(yearsInUrl('https://www.atvn.org/news/2011/11/american-airlines-files.html')).toEqual(['2011']);
    expect(yearsInUrl('http://example.com/sitemap/free/1999/7/article/275413.html')).toEqual(['1999']);
    expect(yearsInUrl('https://example.com/news/2019/12/13/uk-election-result/')).toEqual(['2019']);
  });

  it('takes no year from a slug, an article number, the host or the query', () => {
    expect(yearsInUrl('https://odt.co.nz/2000-fiji-parliament-stormed-coup')).toEqual([]);
    expect(yearsInUrl('https://irishtimes.com/business/nokia-says-sales-will-rise-in-2003-1.1059036')).toEqual([]);
    expect(yearsInUrl('https://2019.example.com/a?from=/2018/')).toEqual([]);
    expect(yearsInUrl(null)).toEqual([]);
  });
});

describe('monthsInUrl', () => {
  it('reads a month right after its year', () => {
    expect(monthsInUrl('https://www.atvn.org/news/2011/11/american-airlines-files.html')).toEqual([{ year: '2011', month: 11 }]);
    expect(monthsInUrl('http://example.com/sitemap/free/1999/7/article/275413.html')).toEqual([{ year: '1999', month: 7 }]);
  });

  it('takes no number that cannot be a month, and none without its year', () => {
    expect(monthsInUrl('https://example.com/2011/13/story')).toEqual([]);
    expect(monthsInUrl('https://example.com/2011/story/11/')).toEqual([]);
    expect(monthsInUrl(null)).toEqual([]);
  });
});
