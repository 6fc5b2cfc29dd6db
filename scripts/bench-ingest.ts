import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest, type IngestStage, type IngestSummary } from '../src/ingest.ts';
import { loadIndex } from '../src/store/loadIndex.ts';

/**
 * `npm run bench -- [--corpus <dir|file.jsonl>] [--runs n]`: ingest timings with the offline
 * (hashed) embedder, printed as markdown. On a temp copy of the corpus: full builds into a
 * fresh folder, unchanged re-ingests, loading the saved index, and re-ingests with one
 * article changed (alternating between two versions of it, so every run has one change).
 * Each figure is the median of `--runs` (default 3); stage times come from `ingest`'s
 * `onStage` hook, for the median run.
 */
const { values } = parseArgs({
  options: { corpus: { type: 'string' }, runs: { type: 'string' } },
  strict: true,
});
const CORPUS = values.corpus ?? '/work/shared/benchmarks/scifact/corpus.jsonl';
const RUNS = Math.max(1, Number(values.runs ?? 3));
const STAGES: IngestStage[] = ['load', 'reuse', 'segment', 'analyse', 'embed', 'insert', 'lexical', 'save'];

interface Run {
  summary: IngestSummary;
  stages: Partial<Record<IngestStage, number>>;
  peakRss: number;
}

/** Peak resident memory while `work` runs, sampled every 10 ms (MiB). */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function run(corpus: string, indexDir: string): Promise<Run> {
  const stages: Partial<Record<IngestStage, number>> = {};
  const { result, peakRss } = await withPeakRss(() =>
    ingest({ corpus, indexDir, embedder: 'hashed', onStage: (stage, seconds) => (stages[stage] = seconds) }),
  );
  return { summary: result, stages, peakRss };
}

function median<T>(items: T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor((items.length - 1) / 2)]!;
}

/** A copy of the corpus, and a function that toggles one article's text in it. */
async function copyCorpus(source: string, into: string): Promise<{ corpus: string; toggle: () => Promise<void> }> {
  const info = await stat(source);
  const corpus = join(into, basename(source));
  await cp(source, corpus, { recursive: true });
  let target = corpus;
  if (info.isDirectory()) {
    const first = (await readdir(corpus, { recursive: true })).filter((f) => /\.(txt|md)$/i.test(f)).sort()[0];
    if (!first) throw new Error(`no .txt or .md file in ${source} to change`);
    target = join(corpus, first);
  }
  const original = await readFile(target, 'utf8');
  const changed = target.endsWith('.jsonl') ? changeFirstRecord(original) : `${original.trimEnd()}\n\nThis sentence was added by the benchmark.\n`;
  let isChanged = false;
  return {
    corpus,
    toggle: async () => {
      isChanged = !isChanged;
      await writeFile(target, isChanged ? changed : original);
    },
  };
}

function changeFirstRecord(jsonl: string): string {
  const lines = jsonl.split('\n');
  const record = JSON.parse(lines[0]!) as { text: string };
  lines[0] = JSON.stringify({ ...record, text: `${record.text} This sentence was added by the benchmark.` });
  return lines.join('\n');
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'archivist-bench-'));
  try {
    const { corpus, toggle } = await copyCorpus(CORPUS, work);
    const indexDir = join(work, 'index');

    const full: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await rm(indexDir, { recursive: true, force: true });
      full.push(await run(corpus, indexDir));
    }
    const unchanged: Run[] = [];
    for (let i = 0; i < RUNS; i++) unchanged.push(await run(corpus, indexDir));
    const loads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await loadIndex(indexDir);
      loads.push((performance.now() - t) / 1000);
    }
    const oneChanged: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await toggle();
      oneChanged.push(await run(corpus, indexDir));
    }

    const f = median(full, (r) => r.summary.seconds);
    const u = median(unchanged, (r) => r.summary.seconds);
    const c = median(oneChanged, (r) => r.summary.seconds);
    const load = median(loads, (s) => s);
    const cpu = cpus();
    const lines = [
      `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}`,
      `Corpus: ${CORPUS} (${f.summary.articles} articles, ${f.summary.chunks} chunks, ${f.summary.sentences} sentences), embedder hashed (${f.summary.dims} dims); median of ${RUNS} runs`,
      '',
      '| run | seconds | chunks embedded | chunks/s | share of full build | peak RSS (MiB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| full build | ${fmt(f.summary.seconds)} | ${f.summary.embeddedChunks} | ${fmt(f.summary.embeddedChunks / f.summary.seconds, 0)} | 100% | ${fmt(f.peakRss, 0)} |`,
      `| unchanged re-ingest | ${fmt(u.summary.seconds, 3)} | ${u.summary.embeddedChunks} | – | ${fmt((100 * u.summary.seconds) / f.summary.seconds, 1)}% | ${fmt(u.peakRss, 0)} |`,
      `| one article changed | ${fmt(c.summary.seconds)} | ${c.summary.embeddedChunks} | – | ${fmt((100 * c.summary.seconds) / f.summary.seconds, 1)}% | ${fmt(c.peakRss, 0)} |`,
      `| loadIndex | ${fmt(load, 3)} | – | – | ${fmt((100 * load) / f.summary.seconds, 1)}% | – |`,
      '',
      `| stage (s) | ${STAGES.join(' | ')} |`,
      `| --- |${STAGES.map(() => ' ---: |').join('')}`,
      `| full build |${STAGES.map((s) => ` ${fmt(f.stages[s] ?? 0)} |`).join('')}`,
      `| one article changed |${STAGES.map((s) => ` ${fmt(c.stages[s] ?? 0)} |`).join('')}`,
      '',
      `Process max RSS: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
