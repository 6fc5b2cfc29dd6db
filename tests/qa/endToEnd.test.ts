import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type OpenedArchive } from '../../src/qa/openArchive.ts';
import type { Answer, AnswerSentence, Source } from '../../src/qa/types.ts';

/**
 * The whole answer path over the five seed articles: ingest into a temp dir through the real
 * `openArchive`, then the same `ask()` the CLI and the bot call. Every answer is checked
 * against the articles as a reader would: the quote is verbatim, it says the expected thing,
 * and its `[n]` points at the right article (id, headline, date).
 */

const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

const V = '000_f369db645636c1c7'; // 2024-07-26, Vientiane (ASEAN), recalls Astana on July 3
const A = '001_ff5f5ba148e191cb'; // MENAFN, Astana SCO summit, ahead of Modi's Moscow trip
const G = '002_d97138b7c8b56079'; // 2023-05-04, Goa SCO meeting
const M = '003_efe2fcb9701c267e'; // 2023-12-27, PTI, Moscow: "very strong, very steady"
const P = '004_7ba094462437808a'; // 2023-12-28, Moscow: Protocol on Consultations 2024-28

/** What a reader knows about each seed: its date, and how its headline reads. */
const ARTICLES: Record<string, { date: string; title: RegExp }> = {
  [V]: { date: '2024-07-26', title: /^Vientiane: External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov/ },
  [A]: { date: '2024-07-17', title: /^Top diplomats talk about two-sided relations ahead of Modi.s trip to Moscow$/ },
  [G]: { date: '2023-05-04', title: /^Russian Foreign Minister Sergey Lavrov, who arrived in India to attend a meeting of the Shanghai/ },
  [M]: { date: '2023-12-27', title: /^Indo-Russia ties very strong, very steady: Jaishankar as he meets Lavrov$/ },
  [P]: { date: '2023-12-28', title: /^Indian Foreign Minister Subrahmanyam Jaishankar on Wednesday \(Dec 27\) held wide-ranging talks/ },
};

let dir: string;
let archive: OpenedArchive;
/** docId → raw seed file text with whitespace collapsed. */
const raw = new Map<string, string>();

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const fold = (s: string) => collapse(s).toLowerCase();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archivist-e2e-'));
  archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: SEEDS_DIR, embedder: 'hashed' });
  for (const file of (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt'))) {
    raw.set(file.replace(/\.txt$/, ''), collapse(await readFile(join(SEEDS_DIR, file), 'utf8')));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The quote is the article's own text at its offsets, and it is in the seed file as written. */
function expectVerbatim(s: AnswerSentence): void {
  const article = archive.getArticle(s.docId);
  expect(article, `article ${s.docId}`).toBeDefined();
  expect(article!.text.slice(s.start, s.end)).toBe(s.text);
  expect(raw.get(s.docId), `raw seed ${s.docId}`).toContain(collapse(s.text));
}

/** The source is the named seed article: same id, its date, its headline. */
function expectSourceIs(source: Source | undefined, docId: string): void {
  expect(source, `a source for ${docId}`).toBeDefined();
  expect(source!.docId).toBe(docId);
  expect(source!.date).toBe(ARTICLES[docId]!.date);
  expect(source!.title).toMatch(ARTICLES[docId]!.title);
  expect(source!.file).toMatch(new RegExp(`${docId}\\.txt$`));
}

function sourceNumbered(answer: Answer, n: number): Source | undefined {
  return answer.sources.find((s) => s.n === n);
}

/** A real answer: verbatim quotes, the first one says `expected` and cites `docId`. */
function expectAnswered(answer: Answer, expected: string, docId: string): void {
  expect(answer.kind, `kind for "${answer.question}": ${answer.answer}`).toBe('answer');
  expect(answer.abstained).toBe(false);
  expect(answer.sentences.length).toBeGreaterThanOrEqual(1);
  for (const s of answer.sentences) expectVerbatim(s);
  const first = answer.sentences[0]!;
  expect(fold(first.text)).toContain(fold(expected));
  expect(first.citations[0]).toBe(first.citation);
  expectSourceIs(sourceNumbered(answer, first.citation), docId);
  // The printed answer carries the quote and its marker.
  expect(answer.answer).toContain(first.text);
  expect(answer.answer).toContain(`[${first.citation}]`);
  // Sources are numbered 1..n, and every cited number is listed.
  expect(answer.sources.map((s) => s.n)).toEqual(answer.sources.map((_, i) => i + 1));
  for (const s of answer.sentences) for (const n of s.citations) expect(sourceNumbered(answer, n), `source [${n}]`).toBeDefined();
}

describe('ask() over the seed archive', () => {
  const cases: Array<{ question: string; expected: string; docId: string }> = [
    { question: 'Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?', expected: 'Vientiane', docId: V },
    { question: 'What concern did Jaishankar raise with Lavrov on July 3?', expected: 'Indian nationals', docId: V },
    { question: 'Why did the Indian delegation decline to endorse the final statement of the peace summit on Ukraine?', expected: 'absence of Russia', docId: A },
    { question: 'Where did Jaishankar and Lavrov meet in May 2023?', expected: 'Goa', docId: G },
    { question: 'When did India and Pakistan become permanent members of the SCO?', expected: '2017', docId: G },
    { question: 'Who did Jaishankar co-chair the India-Russia intergovernmental commission with?', expected: 'Manturov', docId: M },
    { question: "Which nuclear power plant were the agreements signed during Jaishankar's Russia visit about?", expected: 'Kudankulam', docId: M },
    { question: 'What protocol did Jaishankar sign with Lavrov in Moscow?', expected: 'Protocol on Consultations', docId: P },
  ];

  it.each(cases.map((c) => [c.question, c.expected, c.docId] as const))('answers "%s" with "%s" quoted from %s', async (question, expected, docId) => {
    const answer = await archive.ask(question);
    expect(answer.question).toBe(question);
    expectAnswered(answer, expected, docId);
    expect(answer.retrieved.length).toBeLessThanOrEqual(10);
    expect(answer.retrieved.map((r) => r.docId)).toContain(docId);
  });

  it.each([
    'What is the capital of Brazil?',
    'What did Jaishankar and Lavrov discuss when they met in Beijing?',
  ])('abstains on "%s" and lists the closest articles instead', async (question) => {
    const answer = await archive.ask(question);
    expect(answer.kind).toBe('abstain');
    expect(answer.abstained).toBe(true);
    expect(answer.sentences).toEqual([]);
    expect(answer.answer).not.toMatch(/\[\d+\]/);
    expect(answer.sources.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answer.sources.map((s) => s.docId)).size).toBe(answer.sources.length);
    for (const s of answer.sources) expectSourceIs(s, s.docId);
    // No quoted article sentence slips into an abstention.
    for (const s of answer.sources) {
      const text = archive.getArticle(s.docId)!.text;
      expect(text).not.toContain(answer.answer);
    }
  });

  it('says why, when the question pins a year the best match does not report or names what the archive never mentions', async () => {
    // The ministers met in 2023 and 2024 in these articles; none of them reports a 2022 meeting.
    const year = await archive.ask('Where did Jaishankar and Lavrov meet in March 2022?');
    expect(year.abstained).toBe(true);
    expect(year.answer).toMatch(/^The archive does not answer this\. “[^”]+” \(20\d\d-\d\d-\d\d\), the best match, does not report 2022\. The closest articles are listed below\.$/);
    const nepal = await archive.ask('How many people died in the Nepal earthquake?');
    expect(nepal.abstained).toBe(true);
    expect(nepal.answer).toBe('The archive does not answer this. It never mentions Nepal. The closest articles are listed below.');
  });

  it('resolves a follow-up ("When was that?") against its own conversation', async () => {
    const goa = await archive.ask('Where did Lavrov meet Jaishankar at a resort?', { conversationId: 'e2e-goa' });
    expectAnswered(goa, 'Goa', G);
    const vientiane = await archive.ask('Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?', { conversationId: 'e2e-vte' });
    expectAnswered(vientiane, 'Vientiane', V);

    // The same words, two conversations, two different (right) answers.
    const whenGoa = await archive.ask('When was that?', { conversationId: 'e2e-goa' });
    expectAnswered(whenGoa, 'Thursday', G);
    const whenVientiane = await archive.ask('When was that?', { conversationId: 'e2e-vte' });
    expectAnswered(whenVientiane, 'Friday', V);

    // Without a conversation there is nothing for "that" to mean.
    const alone = await archive.ask('When was that?');
    expect(alone.abstained).toBe(true);
    expect(alone.sentences).toEqual([]);
  });

  it('answers only from articles inside since/until', async () => {
    const inRange = (date: string | null | undefined, since: string, until: string) => date != null && date >= since && date <= until;

    const may = await archive.ask('Where did Jaishankar meet Lavrov?', { since: '2023-01-01', until: '2023-06-30' });
    expectAnswered(may, 'Goa', G);
    for (const s of may.sources) expect(inRange(s.date, '2023-01-01', '2023-06-30'), `${s.docId} ${s.date}`).toBe(true);
    for (const r of may.retrieved) expect(inRange(archive.getArticle(r.docId)?.date, '2023-01-01', '2023-06-30'), r.docId).toBe(true);

    // Article 000 tells of two meetings (Vientiane now, Astana on July 3): ask for what only it says.
    const late = await archive.ask('What concern did Jaishankar raise with Lavrov?', { since: '2024-07-20', until: '2024-12-31' });
    expectAnswered(late, 'Indian nationals', V);
    for (const s of late.sources) expect(inRange(s.date, '2024-07-20', '2024-12-31'), `${s.docId} ${s.date}`).toBe(true);
    for (const s of late.sentences) expect(s.docId).toBe(V);
  });

  it('cites both articles for a fact both state (global strategic landscape: 000 and 001)', async () => {
    const answer = await archive.ask('What did Jaishankar and Lavrov discuss about the global strategic landscape?');
    expectAnswered(answer, 'global strategic landscape', V);
    const first = answer.sentences[0]!;
    expect(first.citations.length).toBeGreaterThanOrEqual(2);
    const cited = first.citations.map((n) => sourceNumbered(answer, n)!.docId);
    expect(cited).toEqual(expect.arrayContaining([V, A]));
    for (const docId of cited) expect(fold(archive.getArticle(docId)!.text).includes('global strategic landscape'), `${docId} states it`).toBe(true);
  });

  it('never corroborates a quote with an article that does not state it', async () => {
    // 003 says Jaishankar "met his Russian counterpart Sergey Lavrov" too, but in Moscow, never
    // in Vientiane: it must not be cited for the Vientiane sentence.
    const answer = await archive.ask('Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?');
    expectAnswered(answer, 'Vientiane', V);
    const cited = answer.sentences[0]!.citations.map((n) => sourceNumbered(answer, n)!.docId);
    for (const docId of cited) expect(fold(archive.getArticle(docId)!.text).includes('vientiane'), `${docId} is cited but never mentions Vientiane`).toBe(true);
  });
});
