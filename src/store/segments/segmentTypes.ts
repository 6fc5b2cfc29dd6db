import type { Article, Span } from '../../corpus/types.ts';

/** An article as a segment keeps it in articles.json: everything but the text, plus its content hash. */
export interface SegmentArticleMeta extends Omit<Article, 'text'> {
  /** The content hash ingest compares to decide whether an article changed. */
  hash: string;
  /** A SimHash of the text (16 hex digits), for finding near-duplicate articles; absent when not computed. */
  fingerprint?: string;
}

/** A chunk as stored: offsets into its article's text, its sentences, its global label and BM25 length. */
export interface SegmentChunk {
  /** Index of its article within the segment. */
  articleIndex: number;
  /** UTF-16 offsets into the article's text, as everywhere else. */
  start: number;
  end: number;
  /** Indices of its first and last sentence within the article, inclusive. */
  firstSentence: number;
  lastSentence: number;
  /** Global, never reused chunk id; also the HNSW label. */
  label: number;
  /** Number of analysed terms (the BM25 document length). */
  length: number;
}

/** A chunk handed to the writer: where it is, its label, and its analysed terms (duplicates kept). */
export interface SegmentChunkInput extends Span {
  firstSentence: number;
  lastSentence: number;
  label: number;
  /** analyzeTerms(title + chunk text): the BM25 terms; its length is the chunk's length. */
  terms: readonly string[];
}

/** One article handed to the writer. */
export interface SegmentArticleInput {
  article: Article;
  hash: string;
  /** Stored with the metadata when given (see SegmentArticleMeta). */
  fingerprint?: string;
  sentences: readonly Span[];
  chunks: readonly SegmentChunkInput[];
}

/** What a written segment holds. */
export interface SegmentSummary {
  dir: string;
  articles: number;
  sentences: number;
  chunks: number;
  terms: number;
  postings: number;
  /** Bytes of every file in the folder, header included. */
  bytes: number;
}
