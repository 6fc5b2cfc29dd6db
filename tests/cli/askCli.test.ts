import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The terminal face as a user runs it: `tsx src/cli/main.ts <command>` in a child process
 * over the seeds, with the offline hashed embedder and a temp index. Kept to a few runs (each
 * costs a second or two): the first one builds the index, the rest reuse it; the repair test
 * builds its own.
 */

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const VIENTIANE = '000_f369db645636c1c7';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let indexDir: string;

function cli(args: string[], input?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      ['src/cli/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, EMBEDDER: 'hashed', NO_COLOR: '1', FORCE_COLOR: '0', DEBUG: '', ...env },
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin?.end(input ?? '');
  });
}

const base = () => ['--index', indexDir, '--corpus', 'seeds'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archivist-cli-'));
  indexDir = join(dir, 'index');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('archivist CLI', () => {
  let json: Run;
  beforeAll(async () => {
    // Builds the temp index from seeds on the way (first run).
    json = await cli(['ask', '--json', ...base(), 'Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?']);
  });

  it('ask --json prints exactly one JSON object in the eval format', () => {
    expect(json.code, json.stderr).toBe(0);
    const lines = json.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result).toMatchObject({
      question: 'Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?',
      abstained: false,
      confidence: expect.any(Number),
      answer: expect.stringContaining('Vientiane'),
    });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);

    expect(result.sentences.length).toBeGreaterThanOrEqual(1);
    for (const s of result.sentences) {
      expect(s).toMatchObject({ text: expect.any(String), docId: expect.any(String), start: expect.any(Number), end: expect.any(Number), citation: expect.any(Number) });
      expect(s.end - s.start).toBe(s.text.length);
      expect(result.answer).toContain(`${s.text} [${s.citation}]`);
      expect(result.sources.some((src: { n: number; docId: string }) => src.n === s.citation && src.docId === s.docId)).toBe(true);
    }
    expect(result.sentences[0].docId).toBe(VIENTIANE);
    expect(result.sentences[0].text).toContain('Vientiane');

    const first = result.sources.find((s: { n: number }) => s.n === result.sentences[0].citation);
    expect(first).toMatchObject({ docId: VIENTIANE, date: '2024-07-26', file: expect.stringMatching(/seeds[\\/]000_f369db645636c1c7\.txt$/) });
    for (const key of ['n', 'docId', 'title', 'date', 'outlet', 'url', 'file']) expect(first).toHaveProperty(key);

    const ids = result.retrieved.map((r: { docId: string; score: number }) => r.docId);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(VIENTIANE);
    for (const r of result.retrieved) expect(typeof r.score).toBe('number');

    for (const key of ['retrieve', 'answer', 'total']) expect(typeof result.timingsMs[key]).toBe('number');
    // Build notices go to stderr so stdout stays parseable.
    expect(json.stderr).toMatch(/Indexed 5 articles/);
  });

  it('ask without --json prints the quote with its [1] marker and a Sources: list', async () => {
    const run = await cli(['ask', ...base(), 'What protocol did Jaishankar sign with Lavrov in Moscow?']);
    expect(run.code, run.stderr).toBe(0);
    expect(() => JSON.parse(run.stdout)).toThrow();
    expect(run.stdout).toMatch(/Protocol on Consultations[^\n]*\[1\]/);
    const sources = run.stdout.split('\nSources:\n')[1];
    expect(sources, run.stdout).toBeDefined();
    expect(sources).toMatch(/^ {2}\[1\] .*2023-12-28.*004_7ba094462437808a\.txt/m);
  });

  it('ABSTAIN_BELOW from the environment moves the threshold: 1 abstains on the same question', async () => {
    const run = await cli(['ask', '--json', ...base(), 'Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?'], undefined, { ABSTAIN_BELOW: '1' });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.abstained).toBe(true);
    expect(result.confidence).toBe(JSON.parse(json.stdout).confidence);
  });

  it('ask with no question exits 2 and prints the usage', async () => {
    const run = await cli(['ask', '--json', ...base()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no question given/);
    expect(run.stderr).toMatch(/usage:/);
    expect(run.stderr).toMatch(/npm run ask/);
  });

  it('search prints ranked passages with scores and their sources', async () => {
    const run = await cli(['search', ...base(), '--limit', '3', 'SCO meeting Goa resort']);
    expect(run.code, run.stderr).toBe(0);
    const heads = run.stdout.split('\n').filter((l) => /^\d+\. \(/.test(l));
    expect(heads.length).toBeGreaterThanOrEqual(1);
    expect(heads.length).toBeLessThanOrEqual(3);
    const scores = heads.map((l) => Number(/^\d+\. \((-?\d+\.\d{3})\)/.exec(l)?.[1]));
    for (const s of scores) expect(Number.isFinite(s)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(heads[0]).toMatch(/002_d97138b7c8b56079\.txt/);
    expect(run.stdout).toMatch(/resort in Goa/);
  });

  it('search reads a slip as the archive spells it and says so; --json gives the passages and the reading', async () => {
    const run = await cli(['search', ...base(), '--limit', '2', 'Jaishanker Lavrov Goa']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Read "Jaishanker" as "Jaishankar".');
    expect(run.stdout).toMatch(/^1\. \(/m);
    const json = await cli(['search', '--json', ...base(), '--limit', '2', 'Jaishanker Lavrov Goa']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout.trim());
    expect(result.readAs).toEqual([{ from: 'Jaishanker', to: 'Jaishankar' }]);
    expect(result.passages.length).toBeGreaterThanOrEqual(1);
    expect(result.passages[0].text).toMatch(/Jaishankar/);
  });

  it('eval --near-misses also asks each answerable question about another year and another month, and counts the abstentions', async () => {
    const questions = join(dir, 'near-questions.jsonl');
    const out = join(dir, 'near-results.jsonl');
    const row = { id: 'g1', question: 'Where did Jaishankar meet Lavrov in May 2023?', answers: ['Goa'], sources: ['002_d97138b7c8b56079'], answerable: true };
    await writeFile(questions, `${JSON.stringify(row)}\n`);
    const run = await cli(['eval', '--questions', questions, ...base(), '--out', out, '--near-misses']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/questions\s+1\b/);
    expect(run.stdout).toContain('near misses          2 (month 1, year 1)');
    expect(run.stdout).toContain('  abstained          1.000 (month 1.000, year 1.000)');
    const results = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(['g1', 'g1~year', 'g1~month']);
    expect(results[1].question).toMatch(/^Where did Jaishankar meet Lavrov in May 20\d\d\?$/);
    expect(results[1].question).not.toBe(row.question);
    expect(results[1].change).toMatch(/^2023 → 20\d\d$/);
    expect(results[1].abstained).toBe(true);
    // The seeds hold a July meeting of 2024: "July 2023" is declined, and the reply says why.
    expect(results[2].question).toMatch(/^Where did Jaishankar meet Lavrov in \w+ 2023\?$/);
    expect(results[2].change).toMatch(/^May 2023 → \w+ 2023$/);
    expect(results[2].abstained).toBe(true);
    expect(results[2].answer).toMatch(/does not report \w+ 2023\./);
  });

  it('eval refuses --near-misses with --curve, saying why', async () => {
    const run = await cli(['eval', '--questions', join(dir, 'near-questions.jsonl'), ...base(), '--near-misses', '--curve']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--near-misses counts abstentions at the shipped threshold/);
  });

  it('eval prints the metrics and writes one result line per question with its id', async () => {
    const questions = join(dir, 'questions.jsonl');
    const out = join(dir, 'results.jsonl');
    const rows = [
      { id: 'c1', question: 'Where did Jaishankar meet Lavrov on the sidelines of ASEAN events?', answers: ['Vientiane'], sources: [VIENTIANE], answerable: true },
      { id: 'c2', question: 'What protocol did Jaishankar sign with Lavrov in Moscow?', answers: ['Protocol on Consultations'], sources: ['004_7ba094462437808a'], answerable: true },
      { id: 'c3', question: 'What is the capital of Brazil?', answers: [], sources: [], answerable: false },
    ];
    await writeFile(questions, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const run = await cli(['eval', '--questions', questions, ...base(), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/questions\s+3\b/);
    for (const name of ['answer hit@2', 'citation correct', 'abstention', 'false abstention', 'nDCG@10', 'Recall@10', 'MRR@10', 'latency p50 / p95']) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stdout).toMatch(/answer hit@2\s+\d\.\d{3}/);

    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    const results = lines.map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(['c1', 'c2', 'c3']);
    expect(results.map((r) => r.question)).toEqual(rows.map((r) => r.question));
    for (const r of results) {
      for (const key of ['abstained', 'confidence', 'answer', 'sentences', 'sources', 'retrieved', 'timingsMs']) expect(r).toHaveProperty(key);
    }
    expect(results[2].abstained).toBe(true);
  });

  it('chat keeps a conversation: a follow-up resolves against the previous answer, /quit leaves', async () => {
    const run = await cli(['chat', ...base()], 'Where did Lavrov meet Jaishankar at a resort?\nWhen was that?\n/quit\n');
    expect(run.code).toBe(0);
    const answers = run.stdout.split('Sources:');
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers[0]).toContain('Goa');
    // The follow-up has no words of its own to search with; it is answered from the same article.
    expect(answers[1]).toContain('002_d97138b7c8b56079');
    expect(answers[2]).toContain('002_d97138b7c8b56079');
    expect(answers[1]).toMatch(/Thursday/);
  });

  it('a truncated vectors.hnsw: ask names the command that repairs it, and that command does', async () => {
    const repairDir = join(dir, 'repair');
    expect((await cli(['ingest', '--index', repairDir, '--corpus', 'seeds'])).code).toBe(0);
    const build = (await readdir(repairDir)).find((e) => e.startsWith('build-'))!;
    await truncate(join(repairDir, build, 'vectors.hnsw'), 1000);

    const broken = await cli(['ask', '--index', repairDir, 'Where did Jaishankar meet Lavrov?']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/vectors\.hnsw has 1000 bytes/);
    const advice = /`npm run (ingest[^`]*)`/.exec(broken.stderr)?.[1];
    expect(advice, broken.stderr).toBe(`ingest -- --index ${repairDir} --corpus seeds`);

    const repair = await cli(advice!.split(' ').filter((a) => a !== '--'));
    expect(repair.code, repair.stderr).toBe(0);
    const fixed = await cli(['ask', '--index', repairDir, 'Where did Jaishankar meet Lavrov?']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/\[1\]/);
  });
});
