import { createHash } from 'node:crypto';
import { loadArticles } from './corpus/loadArticles.ts';
import { segmentArticle } from './corpus/segmentArticle.ts';
import { DEFAULT_CHUNK_OPTIONS, type Article, type ChunkOptions, type SkippedFile } from './corpus/types.ts';
import { chooseBuildEmbedder, DEFAULT_LOADERS, type EmbedderLoaders } from './embed/chooseEmbedder.ts';
import { fitHashedEmbedder, restoreHashedEmbedder, type HashedState } from './embed/hashed.ts';
import type { Embedder, EmbedderChoice } from './embed/types.ts';
import { analyzeTerms } from './analyze/analyzeTerms.ts';
import type { IndexData, StoredChunk } from './store/indexData.ts';
import { LexicalIndex } from './store/lexicalIndex.ts';
import { loadIndex, readManifest } from './store/loadIndex.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from './store/manifest.ts';
import { saveIndex } from './store/saveIndex.ts';
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
}

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
 * the graph, and an unchanged corpus costs one load and a hash per article.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const warn = options.warn ?? (() => {});
  const choice = options.embedder ?? 'auto';
  const chunking: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...options.chunking };
  const { articles, skipped } = await loadArticles(options.corpus);
  if (articles.length === 0) {
    const reasons = skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    throw new IngestError(`nothing to ingest in ${options.corpus}${reasons ? ` (${reasons})` : ' (no .txt, .md or .jsonl files)'}`);
  }
  const hashes = new Map(articles.map((a) => [a.id, hashArticle(a)]));

  const previous = await readManifest(options.indexDir).catch((error: Error) => {
    warn(`previous index unreadable (${error.message.split(':')[0]}); building a new one`);
    return undefined;
  });
  const compatible = previous !== undefined && sameChunking(previous.chunking, chunking) && (choice === 'auto' || choice === previous.embedder.name);
  if (compatible && !options.rebuild && sameArticles(previous, hashes)) {
    return summary({ articles: articles.length, chunks: previous.counts.chunks, sentences: previous.counts.sentences, skipped, embedder: previous.embedder.name, dims: previous.embedder.dims, started, upToDate: true });
  }

  const backend = await chooseBuildEmbedder(choice, options.loaders ?? DEFAULT_LOADERS, warn);
  const base = compatible && !options.rebuild ? await loadReusable(options.indexDir, previous, backend, hashes, warn) : undefined;

  // Segment what must be (re)embedded; keep the rest as it was.
  const keep = new Set(base ? articles.filter((a) => base.manifest.articles[a.id]?.hash === hashes.get(a.id)).map((a) => a.id) : []);
  const fresh = articles.filter((a) => !keep.has(a.id));
  const segmented = fresh.map((article) => ({ article, ...segmentArticle(article, chunking) }));
  const titleOf = new Map(articles.map((a) => [a.id, a.title]));
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  const freshTexts = segmented.flatMap(({ article, chunks }) => chunks.map((c) => chunkEmbeddingText(article.title, article.text, c)));
  // Terms of every chunk, computed once: the lexical index and the hashed embedder's IDF share them.
  const termsByChunk = new Map<string, string[]>();
  const chunkKey = (c: { docId: string; start: number; end: number }) => `${c.docId}\u0000${c.start}:${c.end}`;
  const termsOf = (c: { docId: string; start: number; end: number }) => {
    let terms = termsByChunk.get(chunkKey(c));
    if (!terms) termsByChunk.set(chunkKey(c), (terms = analyzeTerms(chunkEmbeddingText(titleOf.get(c.docId)!, textOf.get(c.docId)!, c))));
    return terms;
  };

  let embedder: Embedder;
  let embedderState: unknown = null;
  if (backend === 'hashed') {
    const hashed = base
      ? restoreHashedEmbedder(base.embedderState as HashedState)
      : fitHashedEmbedder(segmented.flatMap(({ chunks }) => chunks.map(termsOf)));
    embedder = hashed;
    embedderState = hashed.state;
  } else {
    embedder = backend;
  }

  // Vectors: reuse the previous graph minus removed/changed articles, or start afresh.
  let nextLabel = base?.manifest.nextLabel ?? 0;
  const keptChunks: StoredChunk[] = base ? base.chunks.filter((c) => keep.has(c.docId)) : [];
  let vectors: VectorIndex;
  if (base) {
    vectors = base.vectors;
    for (const chunk of base.chunks) if (!keep.has(chunk.docId)) vectors.remove(chunk.label);
  } else {
    vectors = createVectorIndex(embedder.dims, freshTexts.length);
  }
  const freshChunks: StoredChunk[] = [];
  const freshByDoc = segmented.flatMap(({ chunks }) => chunks);
  for (let i = 0; i < freshTexts.length; i += EMBED_BATCH) {
    const batch = await embedder.embed(freshTexts.slice(i, i + EMBED_BATCH));
    batch.forEach((vector, j) => {
      const chunk = { ...freshByDoc[i + j]!, label: nextLabel++ };
      vectors.add(chunk.label, vector);
      freshChunks.push(chunk);
    });
    options.onProgress?.(Math.min(i + EMBED_BATCH, freshTexts.length), freshTexts.length);
  }
  if (freshTexts.length === 0) options.onProgress?.(0, 0);

  // Tables in corpus order, so positions are stable and deterministic.
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byOrder = (a: { docId: string }, b: { docId: string }) => order.get(a.docId)! - order.get(b.docId)!;
  const chunks = [...keptChunks, ...freshChunks].sort((a, b) => byOrder(a, b) || a.start - b.start);
  const sentences = [...(base ? base.sentences.filter((s) => keep.has(s.docId)) : []), ...segmented.flatMap((s) => s.sentences)].sort(
    (a, b) => byOrder(a, b) || a.index - b.index,
  );
  if (vectors.deletedCount > COMPACT_SHARE * Math.max(1, vectors.size)) vectors = compact(vectors, chunks, embedder.dims);

  const lexical = LexicalIndex.build(chunks.map(termsOf));
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { name: embedder.name, dims: embedder.dims, fingerprint: embedder.fingerprint },
    chunking,
    hnsw: { m: DEFAULT_HNSW_OPTIONS.m, efConstruction: DEFAULT_HNSW_OPTIONS.efConstruction },
    counts: { articles: articles.length, chunks: chunks.length, sentences: sentences.length },
    articles: Object.fromEntries(articles.map((a) => [a.id, { hash: hashes.get(a.id)!, file: a.file }])),
    files: {},
    nextLabel,
  };
  const data: IndexData = { manifest, articles, sentences, chunks, vectors, lexical, embedderState };
  await saveIndex(options.indexDir, data, { beforeCommit: options.beforeCommit });

  return summary({
    articles: articles.length,
    chunks: chunks.length,
    sentences: sentences.length,
    embeddedArticles: fresh.length,
    embeddedChunks: freshTexts.length,
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
  const { id, title, date, outlet, url, file, text } = article;
  return createHash('sha256').update(JSON.stringify([id, title, date, outlet, url, file, text])).digest('hex').slice(0, 20);
}

function sameChunking(a: ChunkOptions, b: ChunkOptions): boolean {
  return a.maxSentences === b.maxSentences && a.maxWords === b.maxWords && a.overlap === b.overlap;
}

function sameArticles(manifest: Manifest, hashes: Map<string, string>): boolean {
  const ids = Object.keys(manifest.articles);
  return ids.length === hashes.size && ids.every((id) => manifest.articles[id]!.hash === hashes.get(id));
}

function summary(s: Partial<IngestSummary> & { started: number } & Pick<IngestSummary, 'articles' | 'chunks' | 'sentences' | 'skipped' | 'embedder' | 'dims' | 'upToDate'>): IngestSummary {
  const { started, ...rest } = s;
  return { embeddedArticles: 0, embeddedChunks: 0, removedArticles: 0, ...rest, seconds: (performance.now() - started) / 1000 };
}
