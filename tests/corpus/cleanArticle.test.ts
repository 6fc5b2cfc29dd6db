import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle, deriveTitle } from '../../src/corpus/cleanArticle.ts';
import { dateInUrl, extractMetadata } from '../../src/corpus/extractMetadata.ts';
import { parseDate } from '../../src/corpus/parseDate.ts';
import { removeChrome } from '../../src/corpus/removeChrome.ts';
import { stripMarkdown } from '../../src/corpus/stripMarkdown.ts';

const seedsDir = new URL('../../seeds/', import.meta.url);

function seed(id: string) {
  const body = readFileSync(new URL(`${id}.txt`, seedsDir), 'utf8');
  return cleanArticle({ id, file: `seeds/${id}.txt`, body });
}

describe('cleanArticle on the seed articles', () => {
  it('lifts the headline of 001 and 003 into the title and out of the text', () => {
    const a001 = seed('001_ff5f5ba148e191cb');
    expect(a001.title).toBe('Top diplomats talk about two-sided relations ahead of Modi’s trip to Moscow');
    expect(a001.text.startsWith('Russian Foreign Minister Sergey Lavrov and Indian Foreign Minister')).toBe(true);

    const a003 = seed('003_efe2fcb9701c267e');
    expect(a003.title).toBe('Indo-Russia ties very strong, very steady: Jaishankar as he meets Lavrov');
    expect(a003.text).not.toContain('Indo-Russia ties very strong, very steady: Jaishankar');
    expect(a003.text.startsWith('External Affairs Minister S Jaishankar on Wednesday said')).toBe(true);
  });

  it('keeps the first sentence intact when it shares its line with the date header', () => {
    const a002 = seed('002_d97138b7c8b56079');
    expect(a002.text.startsWith('Russian Foreign Minister Sergey Lavrov, who arrived in India')).toBe(true);
    const a004 = seed('004_7ba094462437808a');
    expect(a004.text.startsWith('Indian Foreign Minister Subrahmanyam Jaishankar on Wednesday (Dec 27) held')).toBe(true);
    expect(a004.text).not.toMatch(/\bdate 20/);
  });

  it('drops the standfirst and photo caption of 003 that repeat body sentences', () => {
    const a003 = seed('003_efe2fcb9701c267e');
    const count = (s: string) => a003.text.split(s).length - 1;
    expect(count('in his opening remarks said that Prime Minister Narendra Modi')).toBe(1);
    expect(count('have seen different expressions of their cooperation this year')).toBe(1);
    expect(a003.text).not.toContain('(Photo:');
    expect(a003.text).not.toContain('Press Trust of India');
    // The byline is chrome, but the place it was filed from is where the story is set.
    expect(a003.dateline).toBe('Moscow');
    expect(seed('004_7ba094462437808a').dateline).toBeNull();
  });

  it('removes the MENAFN tag, code and disclaimer from 001 but keeps its last sentence', () => {
    const a001 = seed('001_ff5f5ba148e191cb');
    expect(a001.text).not.toMatch(/MENAFN/);
    expect(a001.text).not.toContain('Legal Disclaimer');
    expect(a001.text.endsWith('guided by its “national interest.”')).toBe(true);
  });

  it('ends 003 at its last article paragraph, before Also Read and Explore News', () => {
    const a003 = seed('003_efe2fcb9701c267e');
    expect(a003.text.endsWith('the Ministry of External Affairs said in a press release ahead of Jaishankar\'s visit.')).toBe(true);
  });

  it('keeps paragraphs separated by exactly one blank line', () => {
    const a000 = seed('000_f369db645636c1c7');
    expect(a000.text).not.toMatch(/\n\n\n/);
    expect(a000.text.split('\n\n')).toHaveLength(13);
    expect(a000.text).toBe(a000.text.trim());
  });
});

describe('removeChrome', () => {
  it('drops a headline list after "Also Read" up to the next prose paragraph', () => {
    const text = [
      'The minister spoke on Monday.',
      'Also Read',
      'Minister to visit UK from November 11-15',
      'Markets',
      'Sensex rises 300 points in early trade',
      'The talks resumed on Tuesday.',
    ].join('\n\n');
    expect(removeChrome(text)).toEqual(['The minister spoke on Monday.', 'The talks resumed on Tuesday.']);
  });

  it('drops share bars, stamps, bylines, captions, breadcrumbs and agency credits', () => {
    const text = [
      'Home / World / Talks resume',
      'Crowds gathered at the gate. (Photo: Reuters)\nBy Jane Doe\nUpdated: Jan 3 2024 | 9:00 AM IST',
      'Share\nFollow Us\nTwitter Icon\nJoin our Telegram channel for updates',
      '(Reuters) Talks resumed in Geneva on Monday.',
      'Tags: Geneva, talks',
      '(with inputs from agencies)',
    ].join('\n\n');
    expect(removeChrome(text)).toEqual(['Talks resumed in Geneva on Monday.']);
  });

  it('keeps body subheads and prose that merely mention the chrome words', () => {
    const text = 'About SCO Summit\n\nHe said people should follow us on the path of dialogue.';
    expect(removeChrome(text)).toEqual(['About SCO Summit', 'He said people should follow us on the path of dialogue.']);
  });
});

describe('extractMetadata', () => {
  it('reads the date from the header, else a Last Updated stamp, else a MENAFN code', () => {
    expect(extractMetadata(' date 2024-07-26 \n\nBody.').date).toBe('2024-07-26');
    expect(extractMetadata('Body.\n3 min read Last Updated : Dec 27 2023 | 4:38 PM IST').date).toBe('2023-12-27');
    expect(extractMetadata('Body.\nFirst Published: 5 January 2024 | 1:00 PM IST').date).toBe('2024-01-05');
    expect(extractMetadata('Body.\n\nMENAFN17072024000045015687ID1108449547').date).toBe('2024-07-17');
    expect(extractMetadata('Body with no date.').date).toBeNull();
  });

  it('names the outlet from an agency tag, byline or credit', () => {
    expect(extractMetadata('(MENAFN) Something happened.').outlet).toBe('MENAFN');
    expect(extractMetadata('Caption\nPress Trust of India Moscow\n\nText.').outlet).toBe('PTI');
    expect(extractMetadata('Text.\n\n(with inputs from PTI)').outlet).toBe('PTI');
    expect(extractMetadata('Text without credit.').outlet).toBeNull();
  });

  it('keeps the place an agency byline files the story from, and nothing from other lines', () => {
    expect(extractMetadata('Caption\nPress Trust of India Moscow\n\nText.').dateline).toBe('Moscow');
    expect(extractMetadata('Headline\nReuters New Delhi\n\nText.').dateline).toBe('New Delhi');
    expect(extractMetadata('Headline\nPress Trust of India\n\nText.').dateline).toBeNull();
    expect(extractMetadata('Moscow is cold.\n\n(with inputs from PTI)').dateline).toBeNull();
  });
});

describe('dateInUrl', () => {
  it('reads a day from a news URL path', () => {
    expect(dateInUrl('https://example.com/news/2019/12/13/uk-election-result/')).toBe('2019-12-13');
    expect(dateInUrl('https://www.theguardian.com/politics/2019/dec/13/election-results')).toBe('2019-12-13');
    expect(dateInUrl('https://example.com/2018-06-12-trump-kim-summit')).toBe('2018-06-12');
    expect(dateInUrl('https://example.com/story-20170919.html')).toBe('2017-09-19');
  });

  it('takes no month alone, no article number and no host', () => {
    expect(dateInUrl('http://example.com/sitemap/free/1999/7/article/275413.html')).toBeNull();
    expect(dateInUrl('https://example.com/article/news-ians/119040700559_1.html')).toBeNull();
    expect(dateInUrl('https://20191213.example.com/a')).toBeNull();
    expect(dateInUrl('https://example.com/a-20191399')).toBeNull();
    expect(dateInUrl(null)).toBeNull();
  });

  it('dates an article that states no date of its own, after the front matter and the text', () => {
    const raw = (given: { date?: string | null; url?: string | null }, body = 'First sentence of the story here.\n\nSecond paragraph.') =>
      cleanArticle({ id: 'u', file: 'u.md', body, given });
    expect(raw({ url: 'https://example.com/2019/12/13/story' }).date).toBe('2019-12-13');
    expect(raw({ url: 'https://example.com/2019/12/13/story', date: '2019-12-14' }).date).toBe('2019-12-14');
  });
});

describe('parseDate', () => {
  it('accepts ISO and written dates and rejects impossible ones', () => {
    expect(parseDate('2024-07-26T10:00:00Z')).toBe('2024-07-26');
    expect(parseDate('July 17, 2024')).toBe('2024-07-17');
    expect(parseDate('Sept. 3 2023')).toBe('2023-09-03');
    expect(parseDate('27th December 2023')).toBe('2023-12-27');
    expect(parseDate('2023-02-31')).toBeNull();
    expect(parseDate('Friday')).toBeNull();
  });
});

describe('stripMarkdown', () => {
  it('leaves prose where headings, emphasis, links and list markers were', () => {
    const md = '# Talks resume\n\nThe **minister** met _her_ [counterpart](https://example.com) in `Geneva`.\n\n- First point.\n> Quoted line.\n\n---';
    expect(stripMarkdown(md)).toBe('Talks resume\n\nThe minister met her counterpart in Geneva.\n\nFirst point.\nQuoted line.\n\n');
  });

  it('keeps underscores and asterisks inside words', () => {
    expect(stripMarkdown('The snake_case_name and 5*3*2 stay.')).toBe('The snake_case_name and 5*3*2 stay.');
  });
});

describe('deriveTitle', () => {
  it('uses a short first sentence whole and cuts a long one on a word boundary with an ellipsis', () => {
    expect(deriveTitle('Short first sentence. Second.', 'x')).toBe('Short first sentence.');
    const long = 'Vientiane: External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the sidelines of ASEAN events.';
    const title = deriveTitle(long, 'x');
    expect(title).toBe('Vientiane: External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the…');
    expect(title.length).toBeLessThanOrEqual(101);
    expect(deriveTitle('', 'fallback-id')).toBe('fallback-id');
  });
});
