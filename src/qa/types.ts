import type { Article } from '../corpus/types.ts';
import type { CatalogEntry } from '../store/catalog.ts';
import type { ArticleMeta } from '../store/indexStore.ts';
import type { Correction } from './question/correctSpelling.ts';

export type { ArticleMeta, CatalogEntry };

/** Options every entry point (CLI, Discord) accepts. */
export interface AskOptions {
  /** Only articles dated on or after this ISO date. */
  since?: string;
  /** Only articles dated on or before this ISO date. */
  until?: string;
  /**
   * Key of the conversation this question belongs to (a terminal session, a Discord channel
   * or thread). Follow-ups resolve against that conversation's recent turns. Omit for a
   * one-off question with no memory.
   */
  conversationId?: string;
}

/** A quoted sentence: verbatim `article.text.slice(start, end)`. */
export interface AnswerSentence {
  text: string;
  docId: string;
  start: number;
  end: number;
  /** The first source number cited for this sentence. */
  citation: number;
  /** Every source that states it (corroboration), first = `citation`. */
  citations: number[];
}

/** A numbered entry in the sources list. */
export interface Source {
  n: number;
  docId: string;
  title: string;
  date: string | null;
  outlet: string | null;
  url: string | null;
  file: string;
  /**
   * Where else the same story ran: the outlets (or titles) of its near-identical copies, which
   * are kept out of retrieval so a wire story carried by a hundred outlets counts once.
   */
  alsoIn?: string[];
}

export interface RetrievedArticle {
  docId: string;
  score: number;
}

/**
 * What `ask()` returns, shaped as `ask --json` prints it (see shared/eval-format.md).
 * - `answer`: the sentences joined, each followed by its `[n]` markers, or a plain message
 *   when abstaining / small talk / invalid input.
 */
export interface Answer {
  question: string;
  /** `latest`: "what's new?", answered with the newest articles as `sources` and no quote. */
  kind: 'answer' | 'abstain' | 'smalltalk' | 'invalid' | 'latest';
  abstained: boolean;
  confidence: number;
  answer: string;
  /**
   * For an answer, what the reply says besides its quotes, also at the end of `answer`: a
   * long question cut, a word read as the archive spells it, a year or period the quoted
   * article does not report. Absent when there is nothing to add.
   */
  note?: string;
  sentences: AnswerSentence[];
  /** Cited sources for an answer; the closest articles for an abstention. */
  sources: Source[];
  /** The 10 best distinct articles, best first. */
  retrieved: RetrievedArticle[];
  timingsMs: { retrieve: number; answer: number; total: number };
}

/** A passage for `search`: a chunk with its score and source. */
export interface Passage {
  docId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  source: Source;
}

/** What `search` found: the passages, and the words it read as the archive spells them. */
export interface SearchResult {
  passages: Passage[];
  /** Misspelt words read as the archive's ("Jaishanker" → "Jaishankar"), as `ask()` reads them. */
  readAs: Correction[];
}

/** Figures for `/stats`. */
export interface ArchiveStats {
  articles: number;
  chunks: number;
  sentences: number;
  embedder: string;
  dims: number;
  builtAt: string;
  newestArticleDate: string | null;
}

/**
 * A loaded archive: the one object both faces talk to. `ask()` is the heart of it.
 */
export interface Archive {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * The archive's sentences that support a claim (a message's text, "Find sources"): the
   * same retrieval, ranking and citations as `ask()`, quoting 1–2 sentences, or saying that
   * nothing supports it and naming the closest articles. No conversation memory.
   */
  findSources(claim: string, options?: Pick<AskOptions, 'since' | 'until'>): Promise<Answer>;
  search(query: string, options?: AskOptions & { limit?: number }): Promise<SearchResult>;
  stats(): ArchiveStats;
  /** All articles that answers may cite (id, title, date, outlet, URL), newest first, undated last. */
  listArticles(): readonly CatalogEntry[];
  /** An article with its text. */
  getArticle(id: string): Article | undefined;
  /** The paragraph (blank-line delimited block) around a span, for "Show passage". */
  passageAround(docId: string, start: number, end: number): string | undefined;
  /** Forget a conversation's turns. */
  forget(conversationId: string): void;
}
