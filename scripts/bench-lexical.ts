import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ANALYZER_VERSION, analyzeTerms } from '../src/analyze/analyzeTerms.ts';
import { loadArticles } from '../src/corpus/loadArticles.ts';
import { segmentArticle } from '../src/corpus/segmentArticle.ts';
import { chunkEmbeddingText } from '../src/store/chunkText.ts';
import { countTerms, LexicalIndex } from '../src/store/lexicalIndex.ts';
import {
  LexicalSearcher,
  mergeSegments,
  openSegment,
  writeSegment,
  type SearchStats,
  type Segment,
  type SegmentArticleInput,
} from '../src/store/segments/index.ts';
import { mulberry32 } from '../tests/support/mulberry32.ts';

/**
 * `npx tsx scripts/bench-lexical.ts --articles 20000 [--queries 300] [--segment-articles 10000]`:
 * today's LexicalIndex against the segment library's block-max MaxScore searcher on the scale
 * corpus (`/work/shared/tools/make-scale-corpus.py`, generated once into the temp folder and
 * reused). Articles are loaded, cut and analysed as src/ingest.ts does, a segment's worth at a
 * time; segments are written, then merged into one. Questions come from SQuAD dev and SciFact
 * (analysed with analyzeTerms, k = 60), plain and with 10 extra frequent terms of weight 0.1
 * (what related-word expansion adds). Every query is run once to warm up, then timed; the
 * two engines' hits are compared (labels, and scores to 1e-9). Prints markdown.
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    queries: { type: 'string' },
    'segment-articles': { type: 'string' },
    k: { type: 'string' },
  },
  strict: true,
});
const ARTICLES = Number(values.articles ?? 2000);
const QUERIES = Number(values.queries ?? 300);
/** Several segments even for a small corpus, so the multi-segment path and the merge are measured. */
const PER_SEGMENT = Number(values['segment-articles'] ?? Math.min(10_000, Math.ceil(ARTICLES / 2)));
const K = Number(values.k ?? 60);
const SHARED = '/work/shared';
const LOAD_CONCURRENCY = 32;

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MiB`;

/** The scale corpus of N articles, generated once into the temp folder. */
function scaleCorpus(n: number): string {
  const dir = join(tmpdir(), `archivist-scale-${n}`);
  const count = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).length : 0;
  if (count !== n) {
    rmSync(dir, { recursive: true, force: true });
    console.error(`generating ${n} articles into ${dir}…`);
    execFileSync('python3', [join(SHARED, 'tools/make-scale-corpus.py'), String(n), dir], { stdio: 'inherit' });
  }
  return dir;
}

/** Load, clean, cut and analyse some corpus files as ingest does, labelling chunks from `nextLabel`. */
async function prepare(files: string[], nextLabel: { value: number }): Promise<SegmentArticleInput[]> {
  const loaded: Array<SegmentArticleInput['article']> = [];
  for (let i = 0; i < files.length; i += LOAD_CONCURRENCY) {
    const results = await Promise.all(files.slice(i, i + LOAD_CONCURRENCY).map((file) => loadArticles(file)));
    for (const r of results) loaded.push(...r.articles);
  }
  return loaded.map((article) => {
    const { sentences, chunks } = segmentArticle(article);
    return {
      article,
      hash: article.id,
      sentences,
      chunks: chunks.map((c) => ({ ...c, label: nextLabel.value++, terms: analyzeTerms(chunkEmbeddingText(article.title, article.text, c)) })),
    };
  });
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

function questions(file: string, take: number): string[] {
  const all = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { question: string }).question);
  const step = all.length / take;
  return Array.from({ length: Math.min(take, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

type Engine = (weights: ReadonlyMap<string, number>) => Array<{ label: number; score: number }>;

/** One untimed warm-up pass, then one timed pass; returns sorted times (ms) and the hits of the timed pass. */
function time(engine: Engine, queries: Array<Map<string, number>>, warm = true) {
  if (warm) for (const q of queries) engine(q);
  const times: number[] = [];
  const hits = queries.map((q) => {
    const t = performance.now();
    const h = engine(q);
    times.push(performance.now() - t);
    return h;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), hits };
}

function mismatches(a: Array<Array<{ label: number; score: number }>>, b: Array<Array<{ label: number; score: number }>>): number {
  let bad = 0;
  a.forEach((hits, q) => {
    const other = b[q]!;
    if (hits.length !== other.length || hits.some((h, i) => h.label !== other[i]!.label || Math.abs(h.score - other[i]!.score) > 1e-9)) bad++;
  });
  return bad;
}

async function main(): Promise<void> {
  const corpus = scaleCorpus(ARTICLES);
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(corpus, f));
  const work = mkdtempSync(join(tmpdir(), 'archivist-bench-lexical-'));
  try {
    // Build: a segment's worth of articles at a time; today's index needs every unit's terms at once.
    const nextLabel = { value: 0 };
    const termsPerUnit: string[][] = [];
    const segmentDirs: string[] = [];
    let prepareSeconds = 0;
    let writeSeconds = 0;
    let sentences = 0;
    for (let i = 0; i < files.length; i += PER_SEGMENT) {
      let t = performance.now();
      const batch = await prepare(files.slice(i, i + PER_SEGMENT), nextLabel);
      prepareSeconds += (performance.now() - t) / 1000;
      for (const a of batch) {
        sentences += a.sentences.length;
        for (const c of a.chunks) termsPerUnit.push(c.terms as string[]);
      }
      const dir = join(work, `segment-${segmentDirs.length}`);
      t = performance.now();
      await writeSegment(dir, batch, { analyzerVersion: ANALYZER_VERSION });
      writeSeconds += (performance.now() - t) / 1000;
      segmentDirs.push(dir);
      console.error(`segment ${segmentDirs.length}: ${batch.length} articles`);
    }
    let t = performance.now();
    const index = LexicalIndex.build(termsPerUnit);
    const buildToday = (performance.now() - t) / 1000;
    const lexicalJson = join(work, 'lexical.json');
    writeFileSync(lexicalJson, JSON.stringify(index.data));
    const todayBytes = statSync(lexicalJson).size;

    const mergedDir = join(work, 'merged');
    t = performance.now();
    {
      const inputs = segmentDirs.map((dir) => ({ segment: openSegment(dir) }));
      await mergeSegments(inputs, mergedDir);
      for (const { segment } of inputs) segment.close();
    }
    const mergeSeconds = (performance.now() - t) / 1000;

    // Open: today's JSON parse; the segments' open. Median of 5.
    const median = (runs: number[]) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    const openToday = median(
      Array.from({ length: 3 }, () => {
        const s = performance.now();
        new LexicalIndex(JSON.parse(readFileSync(lexicalJson, 'utf8')));
        return performance.now() - s;
      }),
    );
    const openSegments = (dirs: string[]) =>
      median(
        Array.from({ length: 5 }, () => {
          const s = performance.now();
          const segments = dirs.map((dir) => openSegment(dir));
          new LexicalSearcher(segments.map((segment) => ({ segment })));
          const ms = performance.now() - s;
          for (const segment of segments) segment.close();
          return ms;
        }),
      );
    const openMany = openSegments(segmentDirs);
    const openMerged = openSegments([mergedDir]);

    // Queries: SQuAD dev and SciFact questions, plain and with 10 frequent low-weight extras.
    const texts = [
      ...questions(join(SHARED, 'benchmarks/squad-dev/questions.jsonl'), Math.ceil((QUERIES * 2) / 3)),
      ...questions(join(SHARED, 'benchmarks/scifact/questions-train.jsonl'), Math.floor(QUERIES / 3)),
    ];
    const plain = texts.map((q) => countTerms(analyzeTerms(q))).filter((w) => w.size > 0);
    const frequent = Object.keys(index.data.postings)
      .map((term) => ({ term, df: index.documentFrequency(term) }))
      .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
      .slice(0, 500)
      .map((e) => e.term);
    const rand = mulberry32(42);
    const expanded = plain.map((w) => {
      const e = new Map(w);
      while (e.size < w.size + 10) {
        const term = frequent[Math.floor(rand() * frequent.length)]!;
        if (!e.has(term)) e.set(term, 0.1);
      }
      return e;
    });

    const today: Engine = (w) => index.search(w, K).map((h) => ({ label: h.unit, score: h.score }));
    const rows: string[] = [];
    const stats: SearchStats = { candidates: 0, scored: 0, blocksDecoded: 0, blocksTotal: 0 };
    for (const [name, queries] of [
      ['questions', plain],
      ['questions + 10 expansions (w 0.1)', expanded],
    ] as const) {
      const old = time(today, queries);
      rows.push(`| LexicalIndex (today, exhaustive) | ${name} | ${old.p50.toFixed(2)} | ${old.p95.toFixed(2)} | – | – |`);
      for (const [label, dirs] of [
        [`${segmentDirs.length} segments`, segmentDirs],
        ['1 merged segment', [mergedDir]],
      ] as const) {
        const segments: Segment[] = dirs.map((dir) => openSegment(dir));
        const searcher = new LexicalSearcher(segments.map((segment) => ({ segment })));
        const engine: Engine = (w) => searcher.search(w, K);
        const cold = time(engine, queries, false);
        const warm = time(engine, queries);
        stats.blocksDecoded = stats.blocksTotal = 0;
        for (const q of queries) searcher.search(q, K, undefined, stats);
        const bad = mismatches(warm.hits, old.hits) + mismatches(cold.hits, old.hits);
        rows.push(
          `| segments, block-max MaxScore (${label}) | ${name} | ${warm.p50.toFixed(2)} | ${warm.p95.toFixed(2)} | ${cold.p50.toFixed(2)} / ${cold.p95.toFixed(2)} | ${fmt((100 * stats.blocksDecoded) / stats.blocksTotal, 1)}% · ${bad} |`,
        );
        for (const segment of segments) segment.close();
      }
    }

    const cpu = cpus();
    const segmentBytes = segmentDirs.reduce((sum, dir) => sum + folderBytes(dir), 0);
    console.log(
      [
        `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}`,
        `Corpus: make-scale-corpus.py ${ARTICLES} (${files.length} articles, ${termsPerUnit.length} chunks, ${sentences} sentences, ${Object.keys(index.data.postings).length} terms); ${segmentDirs.length} segments of ≤ ${PER_SEGMENT} articles; ${plain.length} queries, k = ${K}`,
        '',
        '| build and open | today: LexicalIndex (lexical.json) | segments | 1 merged segment |',
        '| --- | ---: | ---: | ---: |',
        `| load + clean + cut + analyse (shared by both) | ${fmt(prepareSeconds, 1)} s | ${fmt(prepareSeconds, 1)} s | – |`,
        `| build | ${fmt(buildToday, 2)} s (in memory) | ${fmt(writeSeconds, 2)} s (write ${segmentDirs.length}) | ${fmt(mergeSeconds, 2)} s (merge) |`,
        `| bytes on disk | ${mib(todayBytes)} (postings and lengths only) | ${mib(segmentBytes)} (texts, tables and postings) | ${mib(folderBytes(mergedDir))} |`,
        `| open | ${fmt(openToday, 1)} ms (JSON.parse, no sha256) | ${fmt(openMany, 1)} ms | ${fmt(openMerged, 1)} ms |`,
        '',
        `| search (ms) | queries | p50 | p95 | first pass after open p50 / p95 | blocks decoded · queries differing from today |`,
        '| --- | --- | ---: | ---: | ---: | ---: |',
        ...rows,
        '',
        `Process max RSS: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`,
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
