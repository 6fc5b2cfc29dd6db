import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type OpenedArchive } from '../../src/qa/openArchive.ts';
import type { Answer } from '../../src/qa/types.ts';

/**
 * Whatever a user (or a Discord message) throws at `ask()`, it resolves to a clear Answer:
 * `invalid` or `abstain` with a message, or a real answer that still quotes verbatim
 * sentences. It never throws and never echoes ping syntax back.
 */

const SEEDS_DIR = join(import.meta.dirname, '../../seeds');
const GOA = '002_d97138b7c8b56079';
const PLACES = /Vientiane|Astana|Goa|Moscow/i;

let dir: string;
let archive: OpenedArchive;
let rawSeeds: string[] = [];
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archivist-bad-'));
  archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: SEEDS_DIR, embedder: 'hashed' });
  const files = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt'));
  rawSeeds = await Promise.all(files.map(async (f) => collapse(await readFile(join(SEEDS_DIR, f), 'utf8'))));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A well-formed Answer of one of the four kinds; a real answer quotes verbatim and cites. */
function expectWellFormed(answer: Answer): void {
  expect(['answer', 'abstain', 'smalltalk', 'invalid']).toContain(answer.kind);
  expect(typeof answer.question).toBe('string');
  expect(typeof answer.answer).toBe('string');
  expect(answer.answer.trim().length).toBeGreaterThan(0);
  // Nothing quoted (invalid input or abstention) counts as abstained; an answer or small talk does not.
  expect(answer.abstained).toBe(answer.kind === 'abstain' || answer.kind === 'invalid');
  expect(Number.isFinite(answer.confidence)).toBe(true);
  if (answer.kind === 'answer') {
    expect(answer.sentences.length).toBeGreaterThanOrEqual(1);
    for (const s of answer.sentences) {
      expect(archive.getArticle(s.docId)!.text.slice(s.start, s.end)).toBe(s.text);
      expect(rawSeeds.some((r) => r.includes(collapse(s.text))), `verbatim: ${s.text}`).toBe(true);
      expect(answer.sources.some((src) => src.n === s.citation && src.docId === s.docId)).toBe(true);
    }
  } else {
    expect(answer.sentences).toEqual([]);
  }
}

/** Asked about something that is not a question in words: a clear refusal, no quote. */
function expectNotAnswered(answer: Answer): void {
  expectWellFormed(answer);
  expect(['invalid', 'abstain']).toContain(answer.kind);
  expect(answer.sentences).toEqual([]);
  expect(answer.answer).not.toMatch(/\[\d+\]/);
}

function firstTwo(answer: Answer): string {
  return answer.sentences.slice(0, 2).map((s) => s.text).join(' ');
}

describe('ask() with bad or odd input', () => {
  it('treats an empty string as invalid input with a hint', async () => {
    const answer = await archive.ask('');
    expectNotAnswered(answer);
    expect(answer.kind).toBe('invalid');
  });

  it('treats whitespace only (spaces, tabs, newlines, NBSP) as invalid input', async () => {
    const answer = await archive.ask(' \t\n\u00a0  \r\n ');
    expectNotAnswered(answer);
    expect(answer.kind).toBe('invalid');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { question: 'Where did Jaishankar meet Lavrov?' }],
  ])('resolves (never throws) for %s as the question', async (_label, value) => {
    const answer = await archive.ask(value as any);
    expectNotAnswered(answer);
    expect(answer.kind).toBe('invalid');
  });

  it('answers a 10,000-character question without choking, and bounds what it echoes', async () => {
    const question = 'Where did Jaishankar meet Lavrov in Goa? '.repeat(300).slice(0, 10_000);
    expect(question.length).toBe(10_000);
    const answer = await archive.ask(question);
    expectWellFormed(answer);
    expect(answer.question.length).toBeLessThan(question.length);
    if (answer.kind === 'answer') expect(firstTwo(answer)).toMatch(/Goa/);
  });

  it('does not answer 10,000 characters of noise', async () => {
    const answer = await archive.ask('qzx'.repeat(3334).slice(0, 10_000));
    expectNotAnswered(answer);
  });

  it('does not answer a question made only of emoji', async () => {
    const answer = await archive.ask('🤔🇮🇳🇷🇺❓🔥');
    expectNotAnswered(answer);
  });

  it('ignores zero-width characters around a real question', async () => {
    const answer = await archive.ask('\u200b\u200d\ufeffWhere did Jaishankar meet Lavrov in Goa?\u200c\u2060');
    expectWellFormed(answer);
    expect(answer.kind).toBe('answer');
    expect(answer.question).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    expect(answer.sentences[0]!.docId).toBe(GOA);
    expect(firstTwo(answer)).toMatch(/Goa/);
  });

  it.each([
    // "What is the capital of Brazil?" / (RLM) "What is the weather today in Tel Aviv?": off-topic in any language.
    ['Arabic', 'ما هي عاصمة البرازيل؟'],
    ['Hebrew', '\u200fמה מזג האוויר היום בתל אביב?'],
  ])('handles right-to-left text (%s) without throwing or inventing an answer', async (_label, question) => {
    const answer = await archive.ask(question);
    expectNotAnswered(answer);
  });

  it('strips markdown and still answers', async () => {
    const answer = await archive.ask('**Where** did _Jaishankar_ meet Lavrov?');
    expectWellFormed(answer);
    expect(answer.kind).toBe('answer');
    expect(answer.question).not.toMatch(/[*_]/);
    expect(answer.question).toMatch(/Where did Jaishankar meet Lavrov/);
    expect(firstTwo(answer)).toMatch(PLACES);
  });

  it('reads a misspelt name as the archive spells it, and says so', async () => {
    const answer = await archive.ask('Where did Jaishanker meet Lavrov in May 2023?');
    expectWellFormed(answer);
    expect(answer.kind).toBe('answer');
    expect(answer.question).toBe('Where did Jaishanker meet Lavrov in May 2023?');
    expect(answer.sentences[0]!.docId).toBe(GOA);
    expect(firstTwo(answer)).toMatch(/Goa/);
    expect(answer.answer).toMatch(/\(Read "Jaishanker" as "Jaishankar"\.\)$/);
    const spelt = await archive.ask('Where did Jaishankar meet Lavrov in May 2023?');
    expect(spelt.answer).not.toMatch(/Read "/);
    expect(spelt.sentences.map((s) => s.text)).toEqual(answer.sentences.map((s) => s.text));
  });

  it('answers "@everyone where did they meet" without echoing the ping', async () => {
    const answer = await archive.ask('@everyone where did they meet');
    expectWellFormed(answer);
    expect(answer.question).not.toContain('@everyone');
    expect(answer.answer).not.toContain('@everyone');
    expect(answer.kind).toBe('answer');
    expect(firstTwo(answer)).toMatch(PLACES);
  });

  it('answers a question wrapped in user and role mentions without echoing them', async () => {
    const answer = await archive.ask('<@123> <@&456> where did Jaishankar meet Lavrov in Goa?');
    expectWellFormed(answer);
    expect(answer.kind).toBe('answer');
    for (const text of [answer.question, answer.answer]) {
      expect(text).not.toContain('<@');
      expect(text).not.toContain('@everyone');
      expect(text).not.toMatch(/\b(123|456)\b/);
    }
    expect(answer.sentences[0]!.docId).toBe(GOA);
    expect(firstTwo(answer)).toMatch(/Goa/);
  });
});
