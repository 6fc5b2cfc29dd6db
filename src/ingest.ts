import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { listCorpusFiles } from './corpus/listCorpusFiles.ts';
import { loadArticles } from './corpus/loadArticles.ts';
import { segmentArticle } from './corpus/segmentArticle.ts';
import { DEFAULT_CHUNK_OPTIONS, type Article, type Chunk, type ChunkOptions, type SkippedFile } from './corpus/types.ts';
import { chooseBuildEmbedder, DEFAULT_LOADERS, type EmbedderLoaders } from './embed/chooseEmbedder.ts';
import { fitHashedEmbedder, HASHED_VERSION, restoreHashedEmbedder, type HashedEmbedder, type HashedState } from './embed/hashed.ts';
import type { Embedder, EmbedderChoice } from './embed/types.ts';
import { ANALYZER_VERSION, analyzeTerms } from './analyze/analyzeTerms.ts';
import type { IndexData, StoredChunk } from './store/indexData.ts';
import { LexicalIndex } from './store/lexicalIndex.ts';
import { loadIndex, readManifest } from './store/loadIndex.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from './store/manifest.ts';
import { removeStaleBuilds, rewriteManifest, saveIndex } from './store/saveIndex.ts';
import { createVectorIndex, DEFAULT_HNSW_OPTIONS, type VectorIndex } from './store/vectorIndex.ts';
import { chunkEmbeddingText } from './store/chunkText.ts';

export interface IngestOptions {
  /** A corpus folder or file (.txt, .md, .jsonl). */
  corpus: string;
  indexDir: string;
  /** @default 'auto' */
  embedder?: EmbedderChoice;
  chunking?: Partial<ChunkOptions>;
  /** Re-embed everything even when the index is up to date. @default false */
  rebuild?: boolean;
  loaders?: EmbedderLoaders;
  /** Called as chunks are embedded: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** One-line warnings (the MiniLM fallback, an unreadable previous index). */
  warn?: (line: string) => void;
  /** Test hook: runs after the new build is written, before it is made live. */
  beforeCommit?: () => Promise<void>;
  /** Benchmark hook: seconds spent in each stage that ran, called once per stage at the end. */
  onStage?: (stage: IngestStage, seconds: number) => void;
}

/**
 * Where an ingest spends its time: reading and cleaning the corpus (and comparing it to the
 * previous build), loading the previous index to update it, cutting sentences and chunks,
 * analysing chunk terms (and fitting the hashed IDF), embedding, inserting into the HNSW
 * graph, building BM25, writing the new build.
 */
export type IngestStage = 'load' | 'reuse' | 'segment' | 'analyse' | 'embed' | 'insert' | 'lexical' | 'save';

export interface IngestSummary {
  articles: number;
  chunks: number;
  sentences: number;
  /** Articles embedded in this run (new or changed). */
  embeddedArticles: number;
  embeddedChunks: number;
  removedArticles: number;
  skipped: SkippedFile[];
  embedder: string;
  dims: number;
  seconds: number;
  /** True when nothing changed and the index was left as it was. */
  upToDate: boolean;
}

/** Nothing in the corpus could be ingested (the only ingest failure that exits non-zero). */
export class IngestError extends Error {
  readonly code = 'NOTHING_TO_INGEST';
}

/** A full rebuild instead of an incremental one once this share of articles changed. */
const REFIT_SHARE = 0.5;
/** Compact the HNSW graph once deleted points exceed this share of live ones. */
const COMPACT_SHARE = 0.3;
const EMBED_BATCH = 64;

/**
 * Corpus → index, incrementally: articles are compared to the previous build by content
 * hash; only new or changed ones are segmented and embedded, removed ones are deleted from
 * the graph. An unchanged corpus costs one read and hash of its files (see `digestCorpus`),
 * or, when that digest differs but the articles do not, one load and a hash per article.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const warn = options.warn ?? (() => {});
  const choice = options.embedder ?? 'auto';
  const chunking: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...options.chunking };
  const clock = stageClock();

  const [digest, previous] = await Promise.all([
    digestCorpus(options.corpus),
    readManifest(options.indexDir).catch((error: Error) => {
      warn(`previous index unreadable (${error.message.split(':')[0]}); building a new one`);
      return undefined;
    }),
  ]);
  const compatible =
    previous !== undefined &&
    previous.analyzer === ANALYZER_VERSION &&
    sameChunking(previous.chunking, chunking) &&
    (choice === 'auto' || choice === previous.embedder.name) &&
    // An offline index from an older scheme (no word vectors) is rebuilt, not kept.
    (previous.embedder.name !== 'hashed' || previous.embedder.fingerprint.startsWith(`hashed:v${HASHED_VERSION}:`));
  const upToDate = (skipped: SkippedFile[]): IngestSummary => {
    const { counts, embedder } = previous!;
    return summary({ ...counts, skipped, embedder: embedder.name, dims: embedder.dims, started, upToDate: true });
  };
  if (compatible && !options.rebuild && digest !== undefined && previous.corpus?.digest === digest) {
    await removeStaleBuilds(options.indexDir);
    clock.lap('load');
    clock.report(options.onStage);
    return upToDate(previous.corpus.skipped);
  }

  const { articles, skipped } = await loadArticles(options.corpus);
  if (articles.length === 0) {
    const reasons = skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    throw new IngestError(`nothing to ingest in ${options.corpus}${reasons ? ` (${reasons})` : ' (no .txt, .md or .jsonl files)'}`);
  }
  const hashes = new Map(articles.map((a) => [a.id, hashArticle(a)]));
  const corpus = digest === undefined ? undefined : { digest, skipped };
  if (compatible && !options.rebuild && sameArticles(previous, hashes)) {
    // Same articles from different bytes (a skipped file added, chrome edited): remember the
    // new digest so the next run takes the short way.
    if (corpus) await rewriteManifest(options.indexDir, { ...previous, corpus });
    await removeStaleBuilds(options.indexDir);
    clock.lap('load');
    clock.report(options.onStage);
    return upToDate(skipped);
  }
  clock.lap('load');

  const backend = await chooseBuildEmbedder(choice, options.loaders ?? DEFAULT_LOADERS, warn);
  const base = compatible && !options.rebuild ? await loadReusable(options.indexDir, previous, backend, hashes, warn) : undefined;
  clock.lap('reuse');

  // Segment what must be (re)embedded; keep the rest as it was.
  const keep = new Set(base ? articles.filter((a) => base.manifest.articles[a.id]?.hash === hashes.get(a.id)).map((a) => a.id) : []);
  const fresh = articles.filter((a) => !keep.has(a.id));
  const segmented = fresh.map((article) => ({ article, ...segmentArticle(article, chunking) }));
  const freshChunks: Chunk[] = segmented.flatMap(({ chunks }) => chunks);
  clock.lap('segment');

  // Terms of every new chunk, computed once: the lexical index, the hashed embedder's IDF and
  // its vectors share them. Kept chunks keep their postings from the previous lexical index.
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const textOf = (c: Chunk): string => {
    const article = articleById.get(c.docId)!;
    return chunkEmbeddingText(article.title, article.text, c);
  };
  const freshTerms = freshChunks.map((c) => analyzeTerms(textOf(c)));
  const keptChunks: StoredChunk[] = base ? base.chunks.filter((c) => keep.has(c.docId)) : [];

  let embedder: Embedder;
  let hashed: HashedEmbedder | undefined;
  let embedderState: unknown = null;
  if (backend === 'hashed') {
    hashed = base ? restoreHashedEmbedder(base.embedderState as HashedState) : fitHashedEmbedder(freshTerms);
    embedder = hashed;
    embedderState = hashed.state;
  } else {
    embedder = backend;
  }
  clock.lap('analyse');

  // Vectors: reuse the previous graph minus removed/changed articles, or start afresh.
  let nextLabel = base?.manifest.nextLabel ?? 0;
  let vectors: VectorIndex;
  if (base) {
    vectors = base.vectors;
    for (const chunk of base.chunks) if (!keep.has(chunk.docId)) vectors.remove(chunk.label);
  } else {
    vectors = createVectorIndex(embedder.dims, freshChunks.length);
  }
  const labelled: StoredChunk[] = [];
  for (let i = 0; i < freshChunks.length; i += EMBED_BATCH) {
    const end = Math.min(i + EMBED_BATCH, freshChunks.length);
    const batch = hashed ? hashed.embedTerms(freshTerms.slice(i, end)) : await embedder.embed(freshChunks.slice(i, end).map(textOf));
    clock.lap('embed');
    batch.forEach((vector, j) => {
      const chunk = { ...freshChunks[i + j]!, label: nextLabel++ };
      vectors.add(chunk.label, vector);
      labelled.push(chunk);
    });
    clock.lap('insert');
    options.onProgress?.(end, freshChunks.length);
  }
  if (freshChunks.length === 0) options.onProgress?.(0, 0);

  // Tables in corpus order, so positions are stable and deterministic.
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byOrder = (a: { docId: string }, b: { docId: string }) => order.get(a.docId)! - order.get(b.docId)!;
  const chunks = [...keptChunks, ...labelled].sort((a, b) => byOrder(a, b) || a.start - b.start);
  const sentences = [...(base ? base.sentences.filter((s) => keep.has(s.docId)) : []), ...segmented.flatMap((s) => s.sentences)].sort(
    (a, b) => byOrder(a, b) || a.index - b.index,
  );
  if (vectors.deletedCount > COMPACT_SHARE * Math.max(1, vectors.size)) vectors = compact(vectors, chunks, embedder.dims);
  clock.lap('insert');

  const freshTermsByLabel = new Map(labelled.map((c, i) => [c.label, freshTerms[i]!]));
  let lexical: LexicalIndex;
  if (base) {
    const previousPosition = new Map(base.chunks.map((c, i) => [c.label, i]));
    const previousUnit = chunks.map((c) => (freshTermsByLabel.has(c.label) ? -1 : previousPosition.get(c.label)!));
    lexical = base.lexical.rebuild(chunks.length, previousUnit, (unit) => freshTermsByLabel.get(chunks[unit]!.label)!);
  } else {
    lexical = LexicalIndex.build(chunks.map((c) => freshTermsByLabel.get(c.label)!));
  }
  clock.lap('lexical');
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { name: embedder.name, dims: embedder.dims, fingerprint: embedder.fingerprint },
    chunking,
    hnsw: { m: DEFAULT_HNSW_OPTIONS.m, efConstruction: DEFAULT_HNSW_OPTIONS.efConstruction },
    counts: { articles: articles.length, chunks: chunks.length, sentences: sentences.length },
    articles: Object.fromEntries(articles.map((a) => [a.id, { hash: hashes.get(a.id)!, file: a.file }])),
    files: {},
    nextLabel,
    ...(corpus ? { corpus } : {}),
  };
  const data: IndexData = { manifest, articles, sentences, chunks, vectors, lexical, embedderState };
  await saveIndex(options.indexDir, data, { beforeCommit: options.beforeCommit });
  clock.lap('save');
  clock.report(options.onStage);

  return summary({
    articles: articles.length,
    chunks: chunks.length,
    sentences: sentences.length,
    embeddedArticles: fresh.length,
    embeddedChunks: freshChunks.length,
    removedArticles: base ? Object.keys(base.manifest.articles).filter((id) => !hashes.has(id)).length : 0,
    skipped,
    embedder: embedder.name,
    dims: embedder.dims,
    started,
    upToDate: false,
  });
}

/**
 * The previous index, when its vectors can be kept: same embedder fingerprint, and (for the
 * hashed backend, whose IDF was fitted on the old corpus) not too much of the corpus changed.
 */
async function loadReusable(
  indexDir: string,
  previous: Manifest,
  backend: Embedder | 'hashed',
  hashes: Map<string, string>,
  warn: (line: string) => void,
): Promise<IndexData | undefined> {
  const name = backend === 'hashed' ? 'hashed' : backend.name;
  if (previous.embedder.name !== name) return undefined;
  if (backend !== 'hashed' && backend.fingerprint !== previous.embedder.fingerprint) return undefined;
  if (backend === 'hashed') {
    const changed = [...hashes].filter(([id, hash]) => previous.articles[id]?.hash !== hash).length;
    if (changed > REFIT_SHARE * hashes.size) return undefined;
  }
  try {
    return await loadIndex(indexDir);
  } catch (error) {
    warn(`previous index unusable (${(error as Error).message.split(';')[0]}); building a new one`);
    return undefined;
  }
}

function compact(old: VectorIndex, chunks: StoredChunk[], dims: number): VectorIndex {
  const fresh = createVectorIndex(dims, chunks.length);
  for (const chunk of chunks) fresh.add(chunk.label, old.vector(chunk.label));
  return fresh;
}

function hashArticle(article: Article): string {
  const { id, title, date, outlet, dateline, url, file, text } = article;
  return createHash('sha256').update(JSON.stringify([id, title, date, outlet, dateline, url, file, text])).digest('hex').slice(0, 20);
}

/**
 * One hash of everything `loadArticles` reads: the corpus files (listed as it lists them:
 * recursively, dotfiles skipped, in path order) and their bytes, the working directory (cited
 * paths are relative to it), and the loading code itself (`src/corpus/` and the lockfile, so
 * new cleaning rules or a parser upgrade are not mistaken for an unchanged corpus). Equal
 * digests mean equal articles and skipped files, so an unchanged corpus skips cleaning.
 * Undefined when any of it cannot be read: the caller then compares articles instead.
 */
async function digestCorpus(corpus: string): Promise<string | undefined> {
  try {
    const code = await loaderCodeDigest();
    const root = resolve(corpus);
    const hash = createHash('sha256').update(`${code}\0${process.cwd()}\0${root}\0`);
    const files = (await stat(root)).isDirectory() ? await listCorpusFiles(root) : [root];
    for (const file of files) {
      const content = await readFile(file).catch((error: NodeJS.ErrnoException) => Buffer.from(`\0unreadable:${error.code ?? ''}`));
      hash.update(`${relative(root, file)}\0${content.length}\0`).update(content);
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

let loaderCode: Promise<string> | undefined;

/** Hash of the corpus-loading source files and the lockfile, read once per process. */
function loaderCodeDigest(): Promise<string> {
  loaderCode ??= (async () => {
    const dir = new URL('./corpus/', import.meta.url);
    const names = (await readdir(dir)).sort();
    const hash = createHash('sha256');
    for (const name of names) hash.update(`${name}\0`).update(await readFile(new URL(name, dir)));
    const lock = await readFile(new URL('../package-lock.json', import.meta.url)).catch(() => Buffer.from('no lockfile'));
    return hash.update(lock).digest('hex');
  })();
  return loaderCode;
}

function sameChunking(a: ChunkOptions, b: ChunkOptions): boolean {
  return a.maxSentences === b.maxSentences && a.maxWords === b.maxWords && a.overlap === b.overlap;
}

function sameArticles(manifest: Manifest, hashes: Map<string, string>): boolean {
  const ids = Object.keys(manifest.articles);
  return ids.length === hashes.size && ids.every((id) => manifest.articles[id]!.hash === hashes.get(id));
}

/** Accumulates the time since the previous lap into a stage. */
function stageClock() {
  const seconds = new Map<IngestStage, number>();
  let last = performance.now();
  return {
    lap(stage: IngestStage): void {
      const now = performance.now();
      seconds.set(stage, (seconds.get(stage) ?? 0) + (now - last) / 1000);
      last = now;
    },
    report(onStage: IngestOptions['onStage']): void {
      if (onStage) for (const [stage, s] of seconds) onStage(stage, s);
    },
  };
}

function summary(s: Partial<IngestSummary> & { started: number } & Pick<IngestSummary, 'articles' | 'chunks' | 'sentences' | 'skipped' | 'embedder' | 'dims' | 'upToDate'>): IngestSummary {
  const { started, ...rest } = s;
  return { embeddedArticles: 0, embeddedChunks: 0, removedArticles: 0, ...rest, seconds: (performance.now() - started) / 1000 };
}
