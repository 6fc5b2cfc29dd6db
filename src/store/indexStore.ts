import type { AcronymMap } from '../corpus/findAcronyms.ts';
import type { Article, Span } from '../corpus/types.ts';
import type { CatalogEntry } from './catalog.ts';
import type { Manifest } from './manifest.ts';
import type { VectorIndex } from './vectorIndex.ts';

/**
 * What question answering reads from an index, whatever holds it: the segments on disk
 * (openStore.ts) or, in tests, a handful of articles in memory. Chunks are addressed by their
 * label (the same number in the HNSW graph and the postings); articles by id. Deleted articles
 * are invisible. The copies of a wire story (near duplicates found at ingest) are kept out of
 * retrieval (`isLive`) and listings (`metas`), but their metadata stays readable, so an answer
 * from the kept copy can say where else it ran.
 */
export interface IndexStore {
  readonly manifest: Manifest;
  readonly embedderState: unknown;
  /** The chunk vectors; chunks that are not live (`isLive`) are removed from it, so a search never returns one. */
  readonly vectors: VectorIndex;
  readonly lexical: LexicalSearch;
  /** Articles that answers may cite (live, and not a copy of another). */
  readonly articleCount: number;
  /** Those articles newest first, undated last (see catalog.ts): read from the build on first use. */
  catalog(): readonly CatalogEntry[];
  /** Any live article's metadata, copies included. */
  meta(docId: string): ArticleMeta | undefined;
  /** The cleaned text (offsets everywhere index into it). */
  text(docId: string): string | undefined;
  /** Its sentences' spans, in order. */
  sentences(docId: string): readonly Span[];
  chunk(label: number): StoredChunk | undefined;
  /** Whether a chunk belongs to an article answers may cite (false for a copy or a deleted one). */
  isLive(label: number): boolean;
  readonly acronyms: AcronymMap;
  /** The ids of the other copies of an article (the same story from other outlets), [] for most. */
  copiesOf(docId: string): readonly string[];
  /** Closes open files; a store must not be used afterwards. */
  close(): void;
}

/** An article without its text. */
export type ArticleMeta = Omit<Article, 'text'>;

/** A chunk as stored: its article, offsets into the text, sentences, and its label. */
export interface StoredChunk extends Span {
  docId: string;
  firstSentence: number;
  lastSentence: number;
  label: number;
}

/** BM25 over chunks, addressed by label. */
export interface LexicalSearch {
  /** Live chunks (the N of BM25). */
  readonly unitCount: number;
  documentFrequency(term: string): number;
  /** BM25 inverse document frequency, ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number;
  search(weights: ReadonlyMap<string, number>, k: number, accept?: (label: number) => boolean): Array<{ label: number; score: number }>;
}
