import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ANALYZER_VERSION, analyzeTerms } from '../analyze/analyzeTerms.ts';
import { findAcronyms } from '../corpus/findAcronyms.ts';
import { articlesOfFile } from '../corpus/loadArticles.ts';
import { scanCorpus, type CorpusFile } from '../corpus/scanCorpus.ts';
import { splitSentences } from '../corpus/splitSentences.ts';
import { DEFAULT_CHUNK_OPTIONS, type Article, type ChunkOptions, type SkippedFile } from '../corpus/types.ts';
import { chooseBuildEmbedder, DEFAULT_LOADERS, type EmbedderLoaders } from '../embed/chooseEmbedder.ts';
import { fitHashedEmbedder, HASHED_VERSION, restoreHashedEmbedder, SEMANTIC_FIT_TEXTS, type HashedEmbedder, type HashedState } from '../embed/hashed.ts';
import type { Embedder, EmbedderChoice } from '../embed/types.ts';
import { buildCatalog, type CatalogEntry, type CatalogFile } from '../store/catalog.ts';
import { BUILD_FILES, SEGMENTS_DIR } from '../store/buildFiles.ts';
import { chunkEmbeddingText } from '../store/chunkText.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from '../store/manifest.ts';
import { readBuild } from '../store/readBuild.ts';
import { describeTombstones, mergeSegments, openSegment, writeSegment, type Segment, type SegmentArticleInput, type Tombstones } from '../store/segments/index.ts';
import { addTombstones, readTombstones, tombstoneFile } from '../store/tombstoneFile.ts';
import { createVectorIndex, DEFAULT_HNSW_OPTIONS, loadVectorIndex, type VectorIndex } from '../store/vectorIndex.ts';
import { buildGraphInBackground, type GraphBuilder } from '../store/backgroundGraph.ts';
import { freshName, removeStale, writeBuild } from '../store/writeBuild.ts';
import { hashArticle } from './articleHash.ts';
import { corpusTableSchema, unchanged, type CorpusTable } from './corpusTable.ts';
import { lockIndex } from './ingestLock.ts';
import { loaderDigest } from './loaderDigest.ts';
import { planMerge } from './mergePolicy.ts';
import { findCopies } from './nearDuplicates.ts';
import { prepareArticle, type PreparedArticle } from './prepareArticle.ts';

export interface IngestOptions {
  /** A corpus folder or file (.txt, .md, .jsonl). */
  corpus: string;
  indexDir: string;
  /** @default 'auto' */
  embedder?: EmbedderChoice;
  chunking?: Partial<ChunkOptions>;
  /** Rebuild everything even when the index is up to date. @default false */
  rebuild?: boolean;
  loaders?: EmbedderLoaders;
  /** Called as corpus files are processed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** One-line warnings (the MiniLM fallback, a corrupt previous index being rebuilt). */
  warn?: (line: string) => void;
  /** Test hook: runs after the new build is written, before it is made live. */
  beforeCommit?: () => Promise<void>;
  /** Benchmark hook: seconds spent in each stage that ran, called once per stage at the end. */
  onStage?: (stage: IngestStage, seconds: number) => void;
  /** Chunks the offline embedder's IDF and word vectors are fitted on: the first ones. @default SEMANTIC_FIT_TEXTS (20,000) */
  fitChunks?: number;
}

/**
 * Where an ingest spends its time: scanning the corpus and comparing it with the previous
 * build, opening that build to update it, reading and cleaning changed files, cutting and
 * analysing articles, embedding, inserting into the HNSW graph, writing segments (and merging
 * them), writing the build.
 */
export type IngestStage = 'scan' | 'reuse' | 'read' | 'prepare' | 'embed' | 'insert' | 'segments' | 'save';

export interface IngestSummary {
  /** Live articles (copies of a story included). */
  articles: number;
  chunks: number;
  sentences: number;
  /** Articles embedded in this run (new or changed). */
  embeddedArticles: number;
  embeddedChunks: number;
  removedArticles: number;
  /** Articles that are copies of another (wire stories): kept, cited as "also in", not retrieved. */
  copies: number;
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

/** A full rebuild instead of an update once this share of articles changed (the hashed IDF is refitted). */
const REFIT_SHARE = 0.5;
/** Compact the HNSW graph once deleted points exceed this share of live ones. */
const COMPACT_SHARE = 0.3;
/** Most chunks in one segment written by an ingest: bounds the memory a segment writer holds. */
const SEGMENT_CHUNKS = 100_000;
/** Chunks embedded together (MiniLM works in batches). */
const EMBED_BATCH = 64;

/**
 * Corpus → index, incrementally and in bounded memory. Files whose size and time are unchanged
 * are not read; articles of changed files are compared by content hash; only new or changed
 * articles are cleaned, embedded and written, into a new segment, while deleted ones are
 * tombstoned in theirs and marked deleted in the HNSW graph; small segments are merged as they
 * accumulate. A full build streams the corpus file by file, writing a segment per 100,000
 * chunks. The new build becomes live by an atomic rename: a crash at any point leaves the
 * previous build usable. A previous build that is corrupt is rebuilt, with a warning.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const warn = options.warn ?? (() => {});
  const chunking: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...options.chunking };
  const clock = stageClock();
  const unlock = await lockIndex(options.indexDir);
  try {
    const scan = await scanCorpus(options.corpus);
    const digest = await loaderDigest();
    const previous = await openPrevious(options, chunking, warn);
    clock.lap('scan');
    const corpus = { path: resolve(options.corpus), root: scan.root, loaderDigest: digest };

    if (previous && !options.rebuild && previous.manifest.corpus.loaderDigest === digest && allUnchanged(previous.table, scan.files)) {
      // Nothing to read. If the corpus folder moved, a new build records where it is now.
      if (previous.manifest.corpus.path !== corpus.path || previous.manifest.corpus.root !== corpus.root) await relink(options.indexDir, previous, corpus);
      else await removeStale(options.indexDir);
      const { counts, embedder } = previous.manifest;
      clock.report(options.onStage);
      return { ...counts, embeddedArticles: 0, embeddedChunks: 0, removedArticles: 0, copies: countCopies(previous.dir), skipped: previous.manifest.corpus.skipped, embedder: embedder.name, dims: embedder.dims, seconds: seconds(started), upToDate: true };
    }

    const backend = await chooseBuildEmbedder(options.embedder ?? 'auto', options.loaders ?? DEFAULT_LOADERS, warn);
    const reuse = previous && !options.rebuild ? await openReusable(options, previous, backend, warn) : undefined;
    clock.lap('reuse');
    // New loading code (cleaning, sentence splitting, a parser upgrade) may read an unchanged
    // file into another text or other sentences: every file is read again, and the articles
    // whose hash (text and sentence cuts) moved are embedded again.
    const trustFiles = reuse?.previous.manifest.corpus.loaderDigest === digest;
    if (reuse && !trustFiles) warn('the corpus-loading code changed since the last build: reading every file again');
    const build = reuse ? await update(options, scan, reuse, chunking, clock, trustFiles) : await fullBuild(options, scan, backend, chunking, clock);
    reuse?.close();
    let manifest: Manifest;
    try {
      if (build.liveArticles === 0) {
        const reasons = build.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
        throw new IngestError(`nothing to ingest in ${options.corpus}${reasons ? ` (${reasons})` : ' (no .txt, .md or .jsonl files)'}`);
      }
      manifest = await saveBuild(options, build, corpus, chunking);
    } finally {
      if ('close' in build.vectors) build.vectors.close();
    }
    clock.lap('save');
    clock.report(options.onStage);
    return {
      ...manifest.counts,
      embeddedArticles: build.embeddedArticles,
      embeddedChunks: build.embeddedChunks,
      removedArticles: build.removedArticles,
      copies: [...build.copies.values()].reduce((n, ids) => n + ids.length, 0),
      skipped: build.skipped,
      embedder: manifest.embedder.name,
      dims: manifest.embedder.dims,
      seconds: seconds(started),
      upToDate: false,
    };
  } finally {
    await unlock();
  }
}

/** The previous build's manifest and corpus table, when it can be compared with: same format, analysis, chunking and embedder. */
interface Previous {
  dir: string;
  manifest: Manifest;
  table: CorpusTable;
}

async function openPrevious(options: IngestOptions, chunking: ChunkOptions, warn: (line: string) => void): Promise<Previous | undefined> {
  let built;
  try {
    built = await readBuild(options.indexDir);
  } catch (error) {
    warn(`previous index unusable (${(error as Error).message.split(';')[0]}); building a new one`);
    return undefined;
  }
  if (!built) return undefined;
  const { manifest } = built;
  const choice = options.embedder ?? 'auto';
  const compatible =
    manifest.analyzer === ANALYZER_VERSION &&
    sameChunking(manifest.chunking, chunking) &&
    (choice === 'auto' || choice === manifest.embedder.name) &&
    // An offline index from an older scheme is rebuilt, not kept.
    (manifest.embedder.name !== 'hashed' || manifest.embedder.fingerprint.startsWith(`hashed:v${HASHED_VERSION}:`));
  if (!compatible) return undefined;
  try {
    const table = corpusTableSchema.parse(JSON.parse(readFileSync(join(built.dir, BUILD_FILES.corpusFiles), 'utf8')));
    return { dir: built.dir, manifest, table };
  } catch {
    warn(`previous index unusable (${BUILD_FILES.corpusFiles} cannot be read); building a new one`);
    return undefined;
  }
}

function allUnchanged(table: CorpusTable, files: readonly CorpusFile[]): boolean {
  return files.length === Object.keys(table).length && files.every((f) => unchanged(table, f));
}

/** What an update starts from: the previous build opened for writing. */
interface Reusable {
  previous: Previous;
  segments: Segment[];
  tombstones: Map<string, Tombstones>;
  vectors: VectorIndex;
  embedder: Embedder;
  hashed?: HashedEmbedder;
  acronyms: Record<string, string[]>;
  close(): void;
}

/**
 * The previous build, when its vectors can be kept: the same embedder fingerprint, and every
 * file readable (segments open, the graph's layout checks). Anything corrupt means a rebuild.
 */
async function openReusable(options: IngestOptions, previous: Previous, backend: Embedder | 'hashed', warn: (line: string) => void): Promise<Reusable | undefined> {
  const { manifest, dir } = previous;
  const name = backend === 'hashed' ? 'hashed' : backend.name;
  if (manifest.embedder.name !== name) return undefined;
  if (backend !== 'hashed' && backend.fingerprint !== manifest.embedder.fingerprint) return undefined;
  const segments: Segment[] = [];
  try {
    for (const s of manifest.segments) segments.push(openSegment(join(options.indexDir, SEGMENTS_DIR, s)));
    const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const tombstones = readTombstones(read(BUILD_FILES.tombstones), manifest.segments);
    const live: number[] = [];
    segments.forEach((segment, s) => {
      for (let unit = 0; unit < segment.chunkCount; unit++) if (!tombstones[s]?.articles.has(segment.columns.article[unit]!)) live.push(segment.columns.label[unit]!);
    });
    const vectors = loadVectorIndex(join(dir, BUILD_FILES.vectors), manifest.embedder.dims, live, { ...DEFAULT_HNSW_OPTIONS, ...manifest.hnsw });
    const hashed = backend === 'hashed' ? restoreHashedEmbedder(read(BUILD_FILES.embedder) as HashedState) : undefined;
    if (hashed && hashed.fingerprint !== manifest.embedder.fingerprint) throw new Error(`${BUILD_FILES.embedder} does not match the manifest`);
    return {
      previous,
      segments,
      tombstones: new Map(manifest.segments.flatMap((s, i) => (tombstones[i] ? [[s, tombstones[i]!] as const] : []))),
      vectors,
      embedder: hashed ?? (backend as Embedder),
      hashed,
      acronyms: read(BUILD_FILES.acronyms) as Record<string, string[]>,
      close: () => segments.forEach((s) => s.close()),
    };
  } catch (error) {
    for (const s of segments) s.close();
    warn(`previous index is corrupt (${(error as Error).message.split(';')[0]}); rebuilding it`);
    return undefined;
  }
}

/** Everything a new build is made of, before it is written. */
interface BuildParts {
  segments: string[];
  tombstones: Map<string, Tombstones>;
  /** An update's graph, edited in place, or a full build's, grown on a worker thread. */
  vectors: VectorIndex | GraphBuilder;
  embedder: Embedder;
  embedderState: unknown;
  nextLabel: number;
  table: CorpusTable;
  acronyms: Record<string, string[]>;
  copies: Map<string, string[]>;
  catalog: CatalogFile;
  skipped: SkippedFile[];
  counts: Manifest['counts'];
  stats: Manifest['stats'];
  liveArticles: number;
  embeddedArticles: number;
  embeddedChunks: number;
  removedArticles: number;
}

/** The articles of some corpus files, streamed, with duplicate ids skipped (the first one wins). */
async function* readFiles(
  files: readonly CorpusFile[],
  seen: Map<string, string>,
  table: CorpusTable,
  skipped: SkippedFile[],
  onFile: () => void,
): AsyncGenerator<Article> {
  for (const file of files) {
    const ids: string[] = [];
    for await (const article of articlesOfFile(file, file.rel, seen, skipped)) {
      ids.push(article.id);
      yield article;
    }
    table[file.rel] = { size: file.size, mtimeMs: file.mtimeMs, ids };
    onFile();
  }
}

/** A full build: every file read, in order; every article prepared, embedded and written. */
async function fullBuild(options: IngestOptions, scan: Awaited<ReturnType<typeof scanCorpus>>, backend: Embedder | 'hashed', chunking: ChunkOptions, clock: StageClock): Promise<BuildParts> {
  const skipped: SkippedFile[] = [];
  const table: CorpusTable = {};
  let done = 0;
  const articles = readFiles(scan.files, new Map(), table, skipped, () => options.onProgress?.(++done, scan.files.length));
  const prepared = prepareAll(articles, chunking, clock);

  // The offline backend's IDF and word vectors are fitted on the first chunks of the corpus
  // (all of it when it is small): read ahead that far, fit, then go on streaming.
  let embedder: Embedder;
  let hashed: HashedEmbedder | undefined;
  const ahead: PreparedArticle[] = [];
  if (backend === 'hashed') {
    // Step the stream by hand: leaving a for-await loop early would close it.
    let chunks = 0;
    while (chunks < (options.fitChunks ?? SEMANTIC_FIT_TEXTS)) {
      const next = await prepared.next();
      if (next.done) break;
      ahead.push(next.value);
      chunks += next.value.chunks.length;
    }
    hashed = fitHashedEmbedder(ahead.flatMap((p) => p.chunks.map((c) => c.terms)));
    embedder = hashed;
    clock.lap('embed');
  } else {
    embedder = backend;
  }
  const vectors = buildGraphInBackground(embedder.dims, Math.max(1024, scan.files.length * 8));
  const state: Counters = { nextLabel: 0, articles: 0, chunks: 0, sentences: 0, dated: 0, sentenceChars: 0, embeddedChunks: 0 };
  const acronyms: Record<string, string[]> = {};
  const fingerprints: ArticleFacts[] = [];
  async function* all(): AsyncGenerator<PreparedArticle> {
    yield* ahead;
    yield* prepared;
  }
  const inputs = embedAll(all(), embedder, hashed, vectors, state, clock, (p) => {
    count(state, p);
    mergeAcronyms(acronyms, p.article);
    fingerprints.push(factsOf(p.article, p.fingerprint));
  });
  let segments: string[];
  try {
    segments = await writeSegments(options.indexDir, inputs, clock);
  } catch (error) {
    vectors.close();
    throw error;
  }
  return {
    segments,
    tombstones: new Map(),
    vectors,
    embedder,
    embedderState: hashed ? hashed.state : null,
    nextLabel: state.nextLabel,
    table,
    acronyms,
    ...copiesAndCatalog(fingerprints),
    skipped,
    ...totals(state),
    embeddedArticles: state.articles,
    removedArticles: 0,
  };
}

/**
 * An update: only new and changed files are read; their articles are compared with the live
 * ones by content hash; changed and removed articles are tombstoned and their points deleted;
 * new and changed ones go into one new segment; small or mostly-deleted segments are merged.
 * With `trustFiles` a file whose size and time are unchanged is not read again (false when the
 * loading code changed).
 */
async function update(options: IngestOptions, scan: Awaited<ReturnType<typeof scanCorpus>>, reuse: Reusable, chunking: ChunkOptions, clock: StageClock, trustFiles: boolean): Promise<BuildParts> {
  const { previous, segments } = reuse;
  const prevTable = previous.table;
  const segmentNames = [...previous.manifest.segments];
  const tombstones = new Map(reuse.tombstones);
  // Where each live article is, and its hash.
  const located = new Map<string, { s: number; i: number; hash: string }>();
  segments.forEach((segment, s) => {
    const deleted = tombstones.get(segmentNames[s]!)?.articles;
    for (let i = 0; i < segment.articleCount; i++) if (!deleted?.has(i)) located.set(segment.articleMeta(i).id, { s, i, hash: segment.articleMeta(i).hash });
  });

  const table: CorpusTable = {};
  const seen = new Map<string, string>();
  const changedFiles: CorpusFile[] = [];
  for (const file of scan.files) {
    if (trustFiles && unchanged(prevTable, file)) {
      table[file.rel] = prevTable[file.rel]!;
      for (const id of prevTable[file.rel]!.ids) seen.set(id, file.rel);
    } else {
      changedFiles.push(file);
    }
  }
  const skipped: SkippedFile[] = previous.manifest.corpus.skipped.filter((s) => scan.files.some((f) => trustFiles && unchanged(prevTable, f) && (s.file === f.rel || s.file.startsWith(`${f.rel}:`))));
  const fresh: Article[] = [];
  const kept = new Set<string>();
  let done = 0;
  for await (const article of readFiles(changedFiles, seen, table, skipped, () => options.onProgress?.(++done, changedFiles.length))) {
    const hash = hashArticle(article, splitSentences(article.text));
    const at = located.get(article.id);
    if (at && at.hash === hash && segments[at.s]!.articleMeta(at.i).file === article.file) kept.add(article.id);
    else fresh.push(article);
  }
  clock.lap('read');
  // Gone: articles no file lists any more, and those replaced by a new version.
  const stillListed = new Set(Object.values(table).flatMap((e) => e.ids));
  const replaced = new Set(fresh.map((a) => a.id).filter((id) => located.has(id)));
  const gone = new Set([...located.keys()].filter((id) => !stillListed.has(id) || replaced.has(id)));
  const total = stillListed.size || 1;
  if (reuse.hashed && (fresh.length + gone.size) / total > REFIT_SHARE) {
    // So much changed that the IDF fitted on the old corpus would misweigh the new one.
    return fullBuild(options, scan, 'hashed', chunking, clock);
  }

  const state: Counters = {
    embeddedChunks: 0,
    nextLabel: previous.manifest.nextLabel,
    articles: previous.manifest.counts.articles,
    chunks: previous.manifest.counts.chunks,
    sentences: previous.manifest.counts.sentences,
    dated: previous.manifest.stats.dated,
    sentenceChars: previous.manifest.stats.sentenceChars,
  };
  // Tombstones: what the gone articles took from BM25's statistics, read from their stored text.
  const goneBySegment = new Map<number, number[]>();
  for (const id of gone) {
    const at = located.get(id)!;
    let list = goneBySegment.get(at.s);
    if (!list) goneBySegment.set(at.s, (list = []));
    list.push(at.i);
  }
  for (const [s, articles] of goneBySegment) {
    const segment = segments[s]!;
    for (const i of articles) {
      const meta = segment.articleMeta(i);
      const sentences = segment.sentencesOf(i);
      const { from, to } = segment.chunkRangeOf(i);
      for (let unit = from; unit < to; unit++) reuse.vectors.remove(segment.columns.label[unit]!);
      state.articles--;
      state.chunks -= to - from;
      state.sentences -= sentences.length;
      state.sentenceChars -= sentences.reduce((n, x) => n + x.end - x.start, 0);
      if (meta.date) state.dated--;
    }
    const deleted = describeTombstones(segment, articles, (unit) => {
      const chunk = segment.chunk(unit);
      const meta = segment.articleMeta(chunk.articleIndex);
      return analyzeTerms(chunkEmbeddingText(meta.title, segment.articleText(chunk.articleIndex), chunk));
    });
    tombstones.set(segmentNames[s]!, addTombstones(tombstones.get(segmentNames[s]!), deleted));
  }

  const acronyms = { ...reuse.acronyms };
  const freshFingerprints: ArticleFacts[] = [];
  const inputs = embedAll(prepareAll(iterate(fresh), chunking, clock), reuse.embedder, reuse.hashed, reuse.vectors, state, clock, (p) => {
    count(state, p);
    mergeAcronyms(acronyms, p.article);
    freshFingerprints.push(factsOf(p.article, p.fingerprint));
  });
  const written = await writeSegments(options.indexDir, inputs, clock);
  segmentNames.push(...written);

  // Merge small and mostly-deleted segments.
  const sizes = segmentNames.map((name) => {
    const segment = segments[segmentNames.indexOf(name)] ?? openSegment(join(options.indexDir, SEGMENTS_DIR, name));
    return { name, segment, articles: segment.articleCount, deleted: tombstones.get(name)?.articles.size ?? 0 };
  });
  const merge = planMerge(sizes);
  if (merge.length > 0) {
    const name = freshName('seg');
    await mergeSegments(
      sizes.filter((s) => merge.includes(s.name)).map((s) => ({ segment: s.segment, deleted: tombstones.get(s.name) })),
      join(options.indexDir, SEGMENTS_DIR, name),
    );
    for (const m of merge) {
      tombstones.delete(m);
      segmentNames.splice(segmentNames.indexOf(m), 1);
    }
    segmentNames.push(name);
  }
  for (const s of sizes) if (!segments.includes(s.segment)) s.segment.close();
  clock.lap('segments');

  let vectors = reuse.vectors;
  if (vectors.deletedCount > COMPACT_SHARE * Math.max(1, vectors.size)) vectors = compact(vectors, reuse.embedder.dims);
  // Copies of a story are found again over every live article (cheap: banded fingerprints).
  const fingerprints = [
    ...[...located].filter(([id]) => !gone.has(id)).map(([id, at]) => {
      const meta = segments[at.s]!.articleMeta(at.i);
      return factsOf({ ...meta, id }, meta.fingerprint);
    }),
    ...freshFingerprints,
  ];
  return {
    segments: segmentNames,
    tombstones,
    vectors,
    embedder: reuse.embedder,
    embedderState: reuse.hashed ? reuse.hashed.state : null,
    nextLabel: state.nextLabel,
    table,
    acronyms,
    ...copiesAndCatalog(fingerprints),
    skipped,
    ...totals(state),
    embeddedArticles: fresh.length,
    removedArticles: gone.size - replaced.size,
  };
}

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function* prepareAll(articles: AsyncIterable<Article>, chunking: ChunkOptions, clock: StageClock): AsyncGenerator<PreparedArticle> {
  for await (const article of articles) {
    clock.lap('read');
    const prepared = prepareArticle(article, chunking);
    clock.lap('prepare');
    yield prepared;
  }
}

interface Counters {
  nextLabel: number;
  articles: number;
  chunks: number;
  sentences: number;
  dated: number;
  sentenceChars: number;
  embeddedChunks: number;
}

/** The build's counts for its manifest and summary. */
function totals(state: Counters): Pick<BuildParts, 'counts' | 'stats' | 'liveArticles' | 'embeddedChunks'> {
  return {
    counts: { articles: state.articles, chunks: state.chunks, sentences: state.sentences },
    stats: { dated: state.dated, sentenceChars: state.sentenceChars },
    liveArticles: state.articles,
    embeddedChunks: state.embeddedChunks,
  };
}

function count(state: Counters, p: PreparedArticle): void {
  state.articles++;
  state.chunks += p.chunks.length;
  state.sentences += p.sentences.length;
  state.sentenceChars += p.sentences.reduce((n, s) => n + s.end - s.start, 0);
  if (p.article.date) state.dated++;
}

/** Embed each article's chunks, give them labels, add them to the graph, and hand them on for a segment. */
async function* embedAll(
  prepared: AsyncIterable<PreparedArticle>,
  embedder: Embedder,
  hashed: HashedEmbedder | undefined,
  vectors: Pick<VectorIndex, 'add'> & { settle?(): Promise<void> },
  state: Counters,
  clock: StageClock,
  onArticle: (p: PreparedArticle) => void,
): AsyncGenerator<SegmentArticleInput> {
  let pending: PreparedArticle[] = [];
  let pendingChunks = 0;
  const flush = async function* (): AsyncGenerator<SegmentArticleInput> {
    const chunks = pending.flatMap((p) => p.chunks);
    const embedded = hashed ? hashed.embedTerms(chunks.map((c) => c.terms)) : await embedder.embed(chunks.map((c) => c.text));
    clock.lap('embed');
    let k = 0;
    const out: SegmentArticleInput[] = [];
    for (const p of pending) {
      const labelled = p.chunks.map((c) => {
        const label = state.nextLabel++;
        vectors.add(label, embedded[k++]!);
        return { start: c.start, end: c.end, firstSentence: c.firstSentence, lastSentence: c.lastSentence, label, terms: c.terms };
      });
      onArticle(p);
      state.embeddedChunks += labelled.length;
      out.push({ article: p.article, hash: p.hash, fingerprint: p.fingerprint, sentences: p.sentences, chunks: labelled });
    }
    await vectors.settle?.();
    clock.lap('insert');
    pending = [];
    pendingChunks = 0;
    yield* out;
  };
  for await (const p of prepared) {
    pending.push(p);
    pendingChunks += p.chunks.length;
    if (pendingChunks >= EMBED_BATCH) yield* flush();
  }
  if (pending.length > 0) yield* flush();
}

/** Write the stream into segments of at most SEGMENT_CHUNKS chunks; their folder names, in order. */
async function writeSegments(indexDir: string, inputs: AsyncGenerator<SegmentArticleInput>, clock: StageClock): Promise<string[]> {
  const names: string[] = [];
  let next = await inputs.next();
  while (!next.done) {
    const name = freshName('seg');
    let chunks = 0;
    async function* part(): AsyncGenerator<SegmentArticleInput> {
      while (!next.done && (chunks === 0 || chunks + next.value.chunks.length <= SEGMENT_CHUNKS)) {
        chunks += next.value.chunks.length;
        yield next.value;
        next = await inputs.next();
      }
    }
    await writeSegment(join(indexDir, SEGMENTS_DIR, name), part(), { analyzerVersion: ANALYZER_VERSION });
    names.push(name);
    clock.lap('segments');
  }
  return names;
}

async function saveBuild(options: IngestOptions, build: BuildParts, corpus: { path: string; root: string; loaderDigest: string }, chunking: ChunkOptions): Promise<Manifest> {
  const { embedder } = build;
  return writeBuild(
    options.indexDir,
    {
      manifest: {
        formatVersion: INDEX_FORMAT_VERSION,
        analyzer: ANALYZER_VERSION,
        builtAt: new Date().toISOString(),
        embedder: { name: embedder.name, dims: embedder.dims, fingerprint: embedder.fingerprint },
        chunking,
        hnsw: { m: DEFAULT_HNSW_OPTIONS.m, efConstruction: DEFAULT_HNSW_OPTIONS.efConstruction },
        counts: build.counts,
        stats: build.stats,
        nextLabel: build.nextLabel,
        segments: build.segments,
        corpus: { ...corpus, skipped: build.skipped },
      },
      vectors: build.vectors,
      json: {
        [BUILD_FILES.embedder]: build.embedderState,
        [BUILD_FILES.corpusFiles]: build.table,
        [BUILD_FILES.tombstones]: tombstoneFile(build.tombstones),
        [BUILD_FILES.acronyms]: build.acronyms,
        [BUILD_FILES.duplicates]: { copies: Object.fromEntries(build.copies) },
        [BUILD_FILES.catalog]: build.catalog,
      },
    },
    { beforeCommit: options.beforeCommit },
  );
}

/** The corpus folder moved: the same build, recorded at the new place (files linked, not copied). */
async function relink(indexDir: string, previous: Previous, corpus: { path: string; root: string; loaderDigest: string }): Promise<void> {
  const read = (file: string) => JSON.parse(readFileSync(join(previous.dir, file), 'utf8')) as unknown;
  await writeBuild(indexDir, {
    manifest: { ...withoutFiles(previous.manifest), builtAt: previous.manifest.builtAt, corpus: { ...corpus, skipped: previous.manifest.corpus.skipped } },
    vectors: { linkFrom: join(previous.dir, BUILD_FILES.vectors), entry: previous.manifest.files[BUILD_FILES.vectors]! },
    json: {
      [BUILD_FILES.embedder]: read(BUILD_FILES.embedder),
      [BUILD_FILES.corpusFiles]: read(BUILD_FILES.corpusFiles),
      [BUILD_FILES.tombstones]: read(BUILD_FILES.tombstones),
      [BUILD_FILES.acronyms]: read(BUILD_FILES.acronyms),
      [BUILD_FILES.duplicates]: read(BUILD_FILES.duplicates),
      [BUILD_FILES.catalog]: read(BUILD_FILES.catalog),
    },
  });
}

function withoutFiles(manifest: Manifest): Omit<Manifest, 'files'> {
  const { files: _files, ...rest } = manifest;
  return rest;
}

function countCopies(buildDir: string): number {
  try {
    const { copies } = JSON.parse(readFileSync(join(buildDir, BUILD_FILES.duplicates), 'utf8')) as { copies: Record<string, string[]> };
    return Object.values(copies).reduce((n, ids) => n + ids.length, 0);
  } catch {
    return 0;
  }
}

/** What finding copies and listing the archive need of each article. */
type ArticleFacts = CatalogEntry & { fingerprint?: string };

function factsOf(a: CatalogEntry, fingerprint: string | undefined): ArticleFacts {
  return { id: a.id, title: a.title, date: a.date, outlet: a.outlet, url: a.url, fingerprint };
}

/** Copies of a story among every live article, and the catalog of the rest. */
function copiesAndCatalog(articles: readonly ArticleFacts[]): { copies: Map<string, string[]>; catalog: CatalogFile } {
  const copies = findCopies(articles);
  return { copies, catalog: buildCatalog(articles, copies) };
}

function mergeAcronyms(acronyms: Record<string, string[]>, article: Article): void {
  for (const [key, value] of findAcronyms([article.text])) acronyms[key] ??= value;
}

function compact(old: VectorIndex, dims: number): VectorIndex {
  const labels = old.labels();
  const fresh = createVectorIndex(dims, labels.length);
  for (const label of labels) fresh.add(label, old.vector(label));
  old.close();
  return fresh;
}

function sameChunking(a: ChunkOptions, b: ChunkOptions): boolean {
  return a.maxSentences === b.maxSentences && a.maxWords === b.maxWords && a.overlap === b.overlap;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

type StageClock = ReturnType<typeof stageClock>;

/** Accumulates the time since the previous lap into a stage. */
function stageClock() {
  const spent = new Map<IngestStage, number>();
  let last = performance.now();
  return {
    lap(stage: IngestStage): void {
      const now = performance.now();
      spent.set(stage, (spent.get(stage) ?? 0) + (now - last) / 1000);
      last = now;
    },
    report(onStage: IngestOptions['onStage']): void {
      if (onStage) for (const [stage, s] of spent) onStage(stage, s);
    },
  };
}
