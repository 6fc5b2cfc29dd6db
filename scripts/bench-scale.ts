/**
 * `npm run bench:scale -- --articles 20000`: Archivist at the size of a real archive, on a
 * deterministic news-like corpus made by `../shared/tools/make-scale-corpus.py N DIR`.
 * Prints a markdown table: full ingest (time, peak RSS, chunks/s), re-ingest with nothing
 * changed and with 1% of the files changed, process start → first answer (`npm run ask`) and
 * its peak RSS, warm `ask()` and `search()` p50 / p95 over at least 200 questions, and raw
 * hnswlib `searchKnn` p50 on the same index. Whole commands run as child processes under
 * `/usr/bin/time -v` (peak RSS); the warm figures in this process.
 *
 *   npm run bench:scale -- [--articles 2000] [--questions 300] [--dir /tmp/archivist-scale-N] [--shared ../shared]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../src/eval/metrics.ts';
import { readQuestions } from '../src/eval/questions.ts';
import { openArchive } from '../src/qa/openArchive.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, questions: { type: 'string' }, dir: { type: 'string' }, shared: { type: 'string' } },
  strict: true,
});
const N = Number(values.articles ?? 2000);
const QUESTIONS = Math.max(200, Number(values.questions ?? 300));
const shared = resolve(values.shared ?? '../shared');
const corpus = resolve(values.dir ?? join(tmpdir(), `archivist-scale-${N}`));
const indexDir = join(tmpdir(), `archivist-scale-index-${N}`);
const root = resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

interface Measured {
  seconds: number;
  /** Peak resident set size, MiB (undefined without /usr/bin/time). */
  rssMiB?: number;
  stdout: string;
}

/** Run an npm script's command as a child process, timed, with its peak RSS. */
function run(args: string[]): Measured {
  const command = [join(root, 'node_modules/.bin/tsx'), join(root, 'src/cli/main.ts'), ...args];
  const timed = existsSync(TIME);
  const started = performance.now();
  const child = spawnSync(timed ? TIME : command[0]!, timed ? ['-v', ...command] : command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}):\n${child.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  return { seconds, rssMiB: rss ? Number(rss) / 1024 : undefined, stdout: child.stdout };
}

const mib = (m: Measured) => (m.rssMiB === undefined ? 'n/a' : m.rssMiB >= 1024 ? `${(m.rssMiB / 1024).toFixed(2)} GiB` : `${m.rssMiB.toFixed(0)} MiB`);
const s = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

// 1. The corpus.
if (!existsSync(corpus) || readdirSync(corpus).length !== N) {
  rmSync(corpus, { recursive: true, force: true });
  execFileSync('python3', [join(shared, 'tools/make-scale-corpus.py'), String(N), corpus], { stdio: 'inherit' });
}
const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
console.error(`corpus: ${files.length} articles in ${corpus}`);

// 2. Full ingest, then an unchanged one, then 1% changed.
rmSync(indexDir, { recursive: true, force: true });
const full = run(['ingest', '--corpus', corpus, '--index', indexDir, '--embedder', 'hashed']);
const chunks = Number(/(\d+) chunks/.exec(full.stdout)?.[1] ?? 0);
const unchanged = run(['ingest', '--corpus', corpus, '--index', indexDir, '--embedder', 'hashed']);
const changedFiles = files.filter((_, i) => i % 100 === 0);
const originals = new Map(changedFiles.map((name) => [name, readFileSync(join(corpus, name), 'utf8')]));
let onePercent: Measured;
try {
  // A sentence added at the end: the article changes, its file keeps its name.
  for (const [name, text] of originals) writeFileSync(join(corpus, name), `${text.trimEnd()}\n\nEditors updated this report on request.\n`);
  onePercent = run(['ingest', '--corpus', corpus, '--index', indexDir, '--embedder', 'hashed']);
} finally {
  // Put the generated corpus back, so the next run measures the same articles.
  for (const [name, text] of originals) writeFileSync(join(corpus, name), text);
}
console.error(`ingest: full ${s(full.seconds)}, unchanged ${s(unchanged.seconds)}, 1% changed ${s(onePercent.seconds)}`);

// 3. Process start → first answer.
const questions = [
  ...(await readQuestions(join(shared, 'benchmarks/squad-dev/questions.jsonl'))).filter((_, i) => i % 19 === 0),
  ...(await readQuestions(join(shared, 'benchmarks/scifact/questions-train.jsonl'))).filter((_, i) => i % 8 === 0),
  ...(await readQuestions(join(root, 'tests/fixtures/dev-questions.jsonl'))),
]
  .map((q) => q.question)
  .slice(0, QUESTIONS);
const cold = run(['ask', '--index', indexDir, questions[0]!]);
console.error(`cold ask: ${s(cold.seconds)}`);

// 4. Warm ask(), search() and raw searchKnn, in this process.
const archive = await openArchive({ indexDir });
await archive.ask('warm up the index');
const askMs: number[] = [];
const searchMs: number[] = [];
const knnMs: number[] = [];
for (const q of questions) {
  let t = performance.now();
  await archive.ask(q);
  askMs.push(performance.now() - t);
  t = performance.now();
  await archive.search(q);
  searchMs.push(performance.now() - t);
  const [vector] = await archive.index.embedder.embed([q]);
  t = performance.now();
  archive.index.vectors.search(vector!, 10);
  knnMs.push(performance.now() - t);
}
const stats = archive.stats();
archive.close();

const rows: Array<[string, string]> = [
  ['articles / chunks', `${stats.articles.toLocaleString('en')} / ${stats.chunks.toLocaleString('en')}`],
  ['full ingest', `${s(full.seconds)}, ${mib(full)} peak, ${Math.round(chunks / full.seconds).toLocaleString('en')} chunks/s`],
  ['re-ingest, nothing changed', `${s(unchanged.seconds)} (${((100 * unchanged.seconds) / full.seconds).toFixed(1)}% of full), ${mib(unchanged)} peak`],
  [`re-ingest, 1% changed (${changedFiles.length} files)`, `${s(onePercent.seconds)} (${((100 * onePercent.seconds) / full.seconds).toFixed(1)}% of full), ${mib(onePercent)} peak`],
  ['`npm run ask`, process start → answer', `${s(cold.seconds)}, ${mib(cold)} peak`],
  [`warm ask() p50 / p95 (${questions.length} questions)`, `${ms(percentile(askMs, 50))} / ${ms(percentile(askMs, 95))}`],
  ['warm search() p50 / p95', `${ms(percentile(searchMs, 50))} / ${ms(percentile(searchMs, 95))}`],
  ['raw hnswlib searchKnn p50 / p95 (k = 10)', `${ms(percentile(knnMs, 50))} / ${ms(percentile(knnMs, 95))}`],
];
console.log(`\n${N.toLocaleString('en')} generated articles, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}, offline hashed embedder\n`);
console.log('| measure | figure |\n|---|---|');
for (const [measure, figure] of rows) console.log(`| ${measure} | ${figure} |`);
process.exit(0);
