import { catalogOrder } from '../../src/store/catalog.ts';
import { ANALYZER_VERSION, analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { findAcronyms } from '../../src/corpus/findAcronyms.ts';
import { segmentArticle } from '../../src/corpus/segmentArticle.ts';
import type { Article, ChunkOptions } from '../../src/corpus/types.ts';
import { fitHashedEmbedder } from '../../src/embed/hashed.ts';
import type { Embedder } from '../../src/embed/types.ts';
import { answerQuestion, type AnswerSettings } from '../../src/qa/answer/answerQuestion.ts';
import { ConversationMemory } from '../../src/qa/question/conversationMemory.ts';
import type { IndexStore, StoredChunk } from '../../src/store/indexStore.ts';
import { prepareIndex, type LoadedIndex } from '../../src/store/loadedIndex.ts';
import type { WordNet } from '../../src/lexicon/wordnet.ts';
import type { Answer, AskOptions } from '../../src/qa/types.ts';
import { chunkEmbeddingText } from '../../src/store/chunkText.ts';
import { LexicalIndex } from '../../src/store/lexicalIndex.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from '../../src/store/manifest.ts';
import { createVectorIndex, DEFAULT_HNSW_OPTIONS } from '../../src/store/vectorIndex.ts';

/**
 * A `LoadedIndex` built in memory from a handful of hand-written articles, through the same
 * pieces ingest uses (segmentArticle, chunkEmbeddingText, analyzeTerms, LexicalIndex.build,
 * an HNSW graph, prepareIndex), without touching the disk.
 */
export interface FixtureArticle {
  id: string;
  text: string;
  /** @default the id */
  title?: string;
  date?: string | null;
  outlet?: string | null;
  dateline?: string | null;
  url?: string | null;
}

export interface FixtureOptions {
  chunking?: Partial<ChunkOptions>;
  /**
   * Hand-written chunk vectors (a fake embedder): `vectorOf(docId, chunkIndexInArticle)`.
   * Without it, a hashed embedder is fitted on the chunks, as a hashed ingest does.
   */
  vectorOf?: (docId: string, chunkIndex: number) => number[];
  /** The fake embedder's vector for a question (only with `vectorOf`). @default zeros */
  queryVector?: (text: string) => number[];
  /** WordNet to read related words from. @default the installed one */
  lexicon?: WordNet;
}

export function toArticle(a: FixtureArticle): Article {
  return { id: a.id, title: a.title ?? a.id, date: a.date ?? null, outlet: a.outlet ?? null, dateline: a.dateline ?? null, url: a.url ?? null, file: `${a.id}.txt`, text: a.text };
}

export function buildIndex(input: FixtureArticle[], options: FixtureOptions = {}): LoadedIndex {
  const articles = input.map(toArticle);
  const segmented = articles.map((article) => ({ article, ...segmentArticle(article, options.chunking) }));
  const chunks: StoredChunk[] = [];
  const chunkIndexOf: number[] = [];
  for (const { chunks: own } of segmented) {
    own.forEach((c, i) => {
      chunks.push({ docId: c.docId, start: c.start, end: c.end, firstSentence: c.firstSentence, lastSentence: c.lastSentence, label: chunks.length });
      chunkIndexOf.push(i);
    });
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const terms = chunks.map((c) => {
    const article = byId.get(c.docId)!;
    return analyzeTerms(chunkEmbeddingText(article.title, article.text, c));
  });

  let embedder: Embedder;
  let vectors: Float32Array[];
  if (options.vectorOf) {
    const vectorOf = options.vectorOf;
    vectors = chunks.map((c, i) => Float32Array.from(vectorOf(c.docId, chunkIndexOf[i]!)));
    const dims = vectors[0]?.length ?? 4;
    const queryVector = options.queryVector ?? (() => new Array<number>(dims).fill(0));
    embedder = { name: 'hashed', dims, fingerprint: 'fake', embed: async (texts) => texts.map((t) => Float32Array.from(queryVector(t))) };
  } else {
    const hashed = fitHashedEmbedder(terms, 64);
    vectors = hashed.embedTerms(terms);
    embedder = hashed;
  }

  const graph = createVectorIndex(embedder.dims, chunks.length);
  chunks.forEach((c, i) => graph.add(c.label, vectors[i]!));
  const sentences = new Map(segmented.map((s) => [s.article.id, s.sentences.map(({ start, end }) => ({ start, end }))]));
  const sentenceCount = segmented.reduce((n, s) => n + s.sentences.length, 0);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    builtAt: '2024-01-01T00:00:00.000Z',
    embedder: { name: embedder.name, dims: embedder.dims, fingerprint: embedder.fingerprint },
    chunking: { maxSentences: 5, maxWords: 150, overlap: 1, ...options.chunking },
    hnsw: { m: DEFAULT_HNSW_OPTIONS.m, efConstruction: DEFAULT_HNSW_OPTIONS.efConstruction },
    counts: { articles: articles.length, chunks: chunks.length, sentences: sentenceCount },
    stats: {
      dated: articles.filter((a) => a.date).length,
      sentenceChars: segmented.reduce((n, s) => n + s.sentences.reduce((m, x) => m + x.end - x.start, 0), 0),
    },
    nextLabel: chunks.length,
    segments: [],
    corpus: { path: '/fixture', root: '/fixture', loaderDigest: 'fixture', skipped: [] },
    files: {},
  };
  const lexical = LexicalIndex.build(terms);
  const store: IndexStore = {
    manifest,
    embedderState: null,
    vectors: graph,
    lexical: {
      get unitCount() {
        return lexical.unitCount;
      },
      documentFrequency: (t) => lexical.documentFrequency(t),
      idf: (t) => lexical.idf(t),
      // Units are labels here: chunk i has label i.
      search: (weights, k, accept) => lexical.search(weights, k, accept).map((h) => ({ label: h.unit, score: h.score })),
    },
    articleCount: articles.length,
    catalog: () => [...articles].sort(catalogOrder).map(({ id, title, date, outlet, url }) => ({ id, title, date, outlet, url })),
    meta: (id) => {
      const article = byId.get(id);
      if (!article) return undefined;
      const { text: _text, ...meta } = article;
      return meta;
    },
    text: (id) => byId.get(id)?.text,
    sentences: (id) => sentences.get(id) ?? [],
    chunk: (label) => chunks[label],
    isLive: (label) => label >= 0 && label < chunks.length,
    acronyms: findAcronyms(articles.map((a) => a.text)),
    copiesOf: () => [],
    close: () => {},
  };
  return prepareIndex(store, embedder, options.lexicon);
}

/** `ask()` over a fixture index (the same `answerQuestion` openArchive wires up). */
export function asker(index: LoadedIndex, settings: AnswerSettings = {}, memory = new ConversationMemory()) {
  return (question: string, options: AskOptions = {}): Promise<Answer> => answerQuestion(index, memory, question, options, settings);
}

/** The chunk labels of an article, in order (fixture indexes only: their labels are 0…n−1). */
export function labelsOf(index: LoadedIndex, docId: string): number[] {
  const out: number[] = [];
  for (let label = 0; index.chunk(label); label++) if (index.chunk(label)!.docId === docId) out.push(label);
  return out;
}

/** A unit vector along axis `i` of `dims`. */
export function axis(i: number, dims = 4): number[] {
  return Array.from({ length: dims }, (_, j) => (j === i ? 1 : 0));
}
