import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type OpenedArchive } from '../../src/qa/openArchive.ts';
import { dateAffinity, missesQuestionDates, parseQuestionDates, REPORTING_LAG_DAYS, withinBounds, type DateRange } from '../../src/qa/question/questionDates.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

/** A fixed "now" for relative dates: Friday 15 March 2024. */
const NOW = new Date('2024-03-15T12:00:00Z');
const bounds = (ranges: DateRange[]) => ranges.map(({ from, to, yearless }) => ({ from, to, yearless }));

describe('parseQuestionDates', () => {
  it('reads "in May 2023" as the whole month', () => {
    expect(bounds(parseQuestionDates('Who won the election in May 2023?', NOW))).toEqual([{ from: '2023-05-01', to: '2023-05-31', yearless: false }]);
  });

  it('reads "on 5 May 2023" as that one day', () => {
    expect(bounds(parseQuestionDates('What happened on 5 May 2023?', NOW))).toEqual([{ from: '2023-05-05', to: '2023-05-05', yearless: false }]);
  });

  it('reads "July 3" without a year as the same day in any year', () => {
    const [range, ...rest] = parseQuestionDates('What did the minister say on July 3?', NOW);
    expect(rest).toEqual([]);
    expect(range!.yearless).toBe(true);
    expect(range!.from.slice(5)).toBe('07-03');
    expect(range!.to.slice(5)).toBe('07-03');
  });

  it('anchors "last December" to the December before now', () => {
    expect(bounds(parseQuestionDates('What did the council decide last December?', NOW))).toEqual([{ from: '2023-12-01', to: '2023-12-31', yearless: false }]);
    // Seen from a later December, "last December" is a year back.
    expect(bounds(parseQuestionDates('What did the council decide last December?', new Date('2024-12-20T12:00:00Z')))).toEqual([
      { from: '2023-12-01', to: '2023-12-31', yearless: false },
    ]);
  });

  it('reads "this year" as the year of now', () => {
    expect(bounds(parseQuestionDates('Who has visited the capital this year?', NOW))).toEqual([{ from: '2024-01-01', to: '2024-12-31', yearless: false }]);
  });

  it('reads a bare year as that year', () => {
    expect(bounds(parseQuestionDates('Who won the league in 2023?', NOW))).toEqual([{ from: '2023-01-01', to: '2023-12-31', yearless: false }]);
  });

  it('ignores a bare weekday (a day inside some article, not an article date)', () => {
    expect(parseQuestionDates('What did the minister announce on Wednesday?', NOW)).toEqual([]);
  });

  it('finds nothing in a question without a date', () => {
    expect(parseQuestionDates('Who is the foreign minister of India?', NOW)).toEqual([]);
  });

  it('keeps the words that named the date', () => {
    const [range] = parseQuestionDates('Where did they meet in May 2023?', NOW);
    expect('Where did they meet in May 2023?').toContain(range!.text);
    expect(range!.text).toMatch(/May 2023/);
  });
});

describe('dateAffinity', () => {
  const may2023 = parseQuestionDates('in May 2023', NOW);

  it('is 1 for an article inside the range', () => {
    expect(dateAffinity('2023-05-01', may2023)).toBe(1);
    expect(dateAffinity('2023-05-17', may2023)).toBe(1);
    expect(dateAffinity('2023-05-31', may2023)).toBe(1);
  });

  it('is 1 for an article published within the reporting lag after the range', () => {
    expect(dateAffinity('2023-06-20', may2023)).toBe(1);
    expect(REPORTING_LAG_DAYS).toBeGreaterThan(0);
  });

  it('is 0 for an article outside the range (before, long after, another year)', () => {
    expect(dateAffinity('2023-04-30', may2023)).toBe(0);
    expect(dateAffinity('2023-09-01', may2023)).toBe(0);
    expect(dateAffinity('2022-05-17', may2023)).toBe(0);
  });

  it('is undefined for an undated article or a question without dates', () => {
    expect(dateAffinity(null, may2023)).toBeUndefined();
    expect(dateAffinity('2023-05-17', [])).toBeUndefined();
  });

  it('matches a yearless range in any year', () => {
    const july3 = parseQuestionDates('on July 3', NOW);
    expect(dateAffinity('2019-07-03', july3)).toBe(1);
    expect(dateAffinity('2024-07-26', july3)).toBe(1); // recalled three weeks later
    expect(dateAffinity('2024-10-01', july3)).toBe(0);
  });

  // The reporting lag must not push a range's end into the wrong year: these ranges end late
  // in December, so "end + lag" falls in January of the next year.
  it('is 1 for an article inside a year range ("in 2023", "this year")', () => {
    expect(dateAffinity('2023-06-15', parseQuestionDates('in 2023', NOW))).toBe(1);
    expect(dateAffinity('2024-02-10', parseQuestionDates('this year', NOW))).toBe(1);
  });

  it('is 1 for an article inside a December range ("in December 2023", "last December")', () => {
    expect(dateAffinity('2023-12-15', parseQuestionDates('in December 2023', NOW))).toBe(1);
    expect(dateAffinity('2023-12-27', parseQuestionDates('last December', NOW))).toBe(1);
  });

  it('allows the reporting lag across New Year after a dated December', () => {
    expect(dateAffinity('2024-01-10', parseQuestionDates('in December 2023', NOW))).toBe(1);
  });

  it('allows the reporting lag across New Year after a yearless December', () => {
    expect(dateAffinity('2023-12-15', parseQuestionDates('in December', NOW))).toBe(1);
    expect(dateAffinity('2024-01-10', parseQuestionDates('in December', NOW))).toBe(1);
  });
});

describe('missesQuestionDates', () => {
  const ranges = (q: string) => parseQuestionDates(q, NOW);
  const quoted = 'The ministers met in Geneva.';

  it('is true when the article is from another time and the quoted text names none of the years', () => {
    expect(missesQuestionDates('2024-07-26', quoted, ranges('Where did they meet in March 2022?'))).toBe(true);
    expect(missesQuestionDates('2024-07-26', quoted, ranges('Where did they meet in 2022?'))).toBe(true);
  });

  it('is false when the article is from that time, or just after it', () => {
    expect(missesQuestionDates('2022-03-20', quoted, ranges('Where did they meet in March 2022?'))).toBe(false);
    expect(missesQuestionDates('2022-04-05', quoted, ranges('Where did they meet in March 2022?'))).toBe(false);
  });

  it('is false when the quoted text names the year (an article recalling it)', () => {
    expect(missesQuestionDates('2024-07-26', 'They first met in Geneva in 2022.', ranges('Where did they meet in March 2022?'))).toBe(false);
  });

  it('reads a date the text gives without a year as of the article’s time', () => {
    const summit = 'He expects a strong delegation at the investors’ summit in January.';
    const question = ranges('Which summit in January 2024 did he expect a strong delegation at?');
    expect(missesQuestionDates('2023-12-27', summit, question)).toBe(false);
    expect(missesQuestionDates('2023-03-01', summit, question)).toBe(true);
  });

  it('judges only years written out, and nothing without an article date or a question date', () => {
    expect(missesQuestionDates('2020-01-01', quoted, ranges('Where did they meet last December?'))).toBe(false);
    expect(missesQuestionDates('2020-01-01', quoted, ranges('Where did they meet on July 3?'))).toBe(false);
    expect(missesQuestionDates(null, quoted, ranges('Where did they meet in March 2022?'))).toBe(false);
    expect(missesQuestionDates('2020-01-01', quoted, ranges('Where did they meet?'))).toBe(false);
  });
});

describe('withinBounds', () => {
  it('passes everything, undated articles included, when no bound is given', () => {
    expect(withinBounds(null)).toBe(true);
    expect(withinBounds('1999-01-01')).toBe(true);
  });

  it('never passes an undated article once a bound is given', () => {
    expect(withinBounds(null, '2023-01-01')).toBe(false);
    expect(withinBounds(null, undefined, '2023-12-31')).toBe(false);
  });

  it('keeps since and until inclusive', () => {
    expect(withinBounds('2023-01-01', '2023-01-01', '2023-12-31')).toBe(true);
    expect(withinBounds('2023-12-31', '2023-01-01', '2023-12-31')).toBe(true);
    expect(withinBounds('2022-12-31', '2023-01-01', '2023-12-31')).toBe(false);
    expect(withinBounds('2024-01-01', '2023-01-01', '2023-12-31')).toBe(false);
    expect(withinBounds('2030-01-01', '2023-01-01')).toBe(true);
    expect(withinBounds('1990-01-01', undefined, '2023-12-31')).toBe(true);
  });
});

/**
 * Two reports of the same kind of meeting, a year apart, in different cities: their sentences
 * differ only in the place, so only the question's date can tell them apart.
 */
const datedIndex = () =>
  buildIndex([
    {
      id: 'a-lima',
      title: 'Fisheries ministers meet',
      date: '2022-05-12',
      text: 'The regional fisheries ministers met in Lima on Tuesday to sign a new quota accord. The talks lasted two days.',
    },
    {
      id: 'b-quito',
      title: 'Fisheries ministers meet',
      date: '2023-05-10',
      text: 'The regional fisheries ministers met in Quito on Tuesday to sign a new quota accord. The talks lasted two days.',
    },
    {
      id: 'c-undated',
      title: 'Fisheries background',
      text: 'Regional fisheries quotas have been disputed for decades by coastal fleets. Ministers rarely agree on them.',
    },
  ]);

describe('ask() over a dated archive', () => {
  const settings = { now: () => NOW, abstainBelow: 0 };

  it('prefers the article from the month the question names', async () => {
    const ask = asker(datedIndex(), settings);
    const in2023 = await ask('Where did the regional fisheries ministers meet to sign the quota accord in May 2023?');
    expect(in2023.kind).toBe('answer');
    expect(in2023.sentences[0]!.docId).toBe('b-quito');
    expect(in2023.sentences[0]!.text).toContain('Quito');
    expect(in2023.retrieved[0]!.docId).toBe('b-quito');

    const in2022 = await ask('Where did the regional fisheries ministers meet to sign the quota accord in May 2022?');
    expect(in2022.sentences[0]!.docId).toBe('a-lima');
    expect(in2022.sentences[0]!.text).toContain('Lima');
    expect(in2022.retrieved[0]!.docId).toBe('a-lima');
  });

  it('prefers the article from the year the question names', async () => {
    const ask = asker(datedIndex(), settings);
    const answer = await ask('Where did the regional fisheries ministers meet to sign the quota accord in 2023?');
    expect(answer.sentences[0]!.docId).toBe('b-quito');
    expect(answer.retrieved[0]!.docId).toBe('b-quito');
  });

  it('answers, cites and retrieves only articles inside since/until', async () => {
    const index = datedIndex();
    const ask = asker(index, settings);
    const question = 'Where did the regional fisheries ministers meet to sign the quota accord?';

    const late = await ask(question, { since: '2023-01-01' });
    expect(late.sentences[0]!.docId).toBe('b-quito');
    for (const s of late.sources) expect(s.docId).toBe('b-quito');
    expect(late.retrieved.map((r) => r.docId)).toEqual(['b-quito']);

    const early = await ask(question, { until: '2022-12-31' });
    expect(early.sentences[0]!.docId).toBe('a-lima');
    expect(early.retrieved.map((r) => r.docId)).toEqual(['a-lima']);

    // A window holding neither: nothing to quote, nothing listed.
    const none = await ask(question, { since: '2020-01-01', until: '2020-12-31' });
    expect(none.kind).toBe('abstain');
    expect(none.sentences).toEqual([]);
    expect(none.sources).toEqual([]);
    expect(none.retrieved).toEqual([]);

    // Without bounds, the undated article is a candidate too.
    const all = await ask(question);
    expect(all.retrieved.map((r) => r.docId)).toEqual(expect.arrayContaining(['a-lima', 'b-quito', 'c-undated']));
  });
});

/** The same two reports as files with ` date YYYY-MM-DD` headers, through ingest and openArchive. */
describe('openArchive().ask() over a dated corpus folder', () => {
  let dir: string;
  let archive: OpenedArchive;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archivist-dates-'));
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    const files: Record<string, string> = {
      'lima.txt': ' date 2022-05-12\n\nFisheries ministers meet\n\nThe regional fisheries ministers met in Lima on Tuesday to sign a new quota accord. The talks lasted two days.\n',
      'quito.txt': ' date 2023-05-10\n\nFisheries ministers meet\n\nThe regional fisheries ministers met in Quito on Tuesday to sign a new quota accord. The talks lasted two days.\n',
      'market.txt': ' date 2023-01-09\n\nMarket day\n\nFarmers brought winter vegetables to the town market. Prices stayed low all morning.\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(corpus, name), text);
    archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: corpus, embedder: 'hashed', settings: { now: () => NOW, abstainBelow: 0 } });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the date headers', () => {
    expect(archive.getArticle('lima')?.date).toBe('2022-05-12');
    expect(archive.getArticle('quito')?.date).toBe('2023-05-10');
  });

  it('prefers the article from the month the question names', async () => {
    const may2023 = await archive.ask('Where did the regional fisheries ministers meet to sign the quota accord in May 2023?');
    expect(may2023.sentences[0]!.docId).toBe('quito');
    expect(may2023.sources.find((s) => s.n === may2023.sentences[0]!.citation)!.date).toBe('2023-05-10');
    const may2022 = await archive.ask('Where did the regional fisheries ministers meet to sign the quota accord in May 2022?');
    expect(may2022.sentences[0]!.docId).toBe('lima');
  });

  it('excludes articles outside since/until', async () => {
    const answer = await archive.ask('Where did the regional fisheries ministers meet?', { since: '2022-01-01', until: '2022-12-31' });
    expect(answer.retrieved.map((r) => r.docId)).toEqual(['lima']);
    for (const s of answer.sources) expect(s.date! >= '2022-01-01' && s.date! <= '2022-12-31').toBe(true);
  });
});
