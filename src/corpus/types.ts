/** A span of characters in an article's cleaned text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** One news article after loading and cleaning. Offsets everywhere index into `text`. */
export interface Article {
  /** File stem for files, the `id` field for JSONL lines. Unique within a corpus. */
  id: string;
  title: string;
  /** ISO date `YYYY-MM-DD`, or null when the article does not give one. */
  date: string | null;
  /** Publisher or agency named by the text or front matter (MENAFN, PTI…), else null. */
  outlet: string | null;
  /** Where the story was filed, when an agency byline names it ("Moscow"), else null. */
  dateline: string | null;
  url: string | null;
  /** Where it came from, for citations: a path (as given, relative when possible), or `file.jsonl#id`. */
  file: string;
  /** Cleaned body text: page chrome removed, headline and metadata lifted out. */
  text: string;
}

/** A sentence of an article, with its position among that article's sentences. */
export interface Sentence extends Span {
  docId: string;
  /** 0-based index of the sentence within its article. */
  index: number;
}

/** A few consecutive sentences of one article (the unit that is embedded and indexed). */
export interface Chunk extends Span {
  docId: string;
  /** Indices (within the article) of the first and last sentence the chunk covers, inclusive. */
  firstSentence: number;
  lastSentence: number;
}

/** A file that could not be ingested, with a reason a person can act on. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LoadResult {
  articles: Article[];
  skipped: SkippedFile[];
}

/** How articles are cut into chunks. */
export interface ChunkOptions {
  /** Most sentences in one chunk. @default 5 */
  maxSentences: number;
  /** Most words in one chunk (MiniLM reads about 256 word pieces). @default 150 */
  maxWords: number;
  /** Sentences shared by consecutive chunks. @default 1 */
  overlap: number;
}

export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = Object.freeze({
  maxSentences: 5,
  maxWords: 150,
  overlap: 1,
});
