import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { AcronymMap } from '../corpus/findAcronyms.ts';
import type { Article, Sentence } from '../corpus/types.ts';
import type { Embedder } from '../embed/types.ts';
import { isKindOf } from '../lexicon/kinds.ts';
import { isDictionaryWord } from '../lexicon/lemmasAround.ts';
import { isPlaceName } from '../lexicon/places.ts';
import { relatedTerms, type RelatedTerms, type RelatedTermsOptions } from '../lexicon/relatedTerms.ts';
import { WordNet } from '../lexicon/wordnet.ts';
import type { ArticleMeta, IndexStore, LexicalSearch, StoredChunk } from './indexStore.ts';
import type { Manifest } from './manifest.ts';
import type { VectorIndex } from './vectorIndex.ts';

/**
 * An index ready for questions: the store, the embedder that reads questions for it, WordNet,
 * and per-article caches filled as questions touch articles (bounded, so a long-running bot
 * over a large archive keeps a flat memory). Nothing here walks the whole archive.
 */
export interface LoadedIndex {
  readonly store: IndexStore;
  readonly manifest: Manifest;
  readonly embedder: Embedder;
  readonly vectors: VectorIndex;
  readonly lexical: LexicalSearch;
  meta(docId: string): ArticleMeta | undefined;
  /** An article with its text. */
  article(docId: string): Article | undefined;
  /** Just its text (what quoting a sentence needs, without copying the metadata). */
  text(docId: string): string | undefined;
  chunk(label: number): StoredChunk | undefined;
  isLive(label: number): boolean;
  copiesOf(docId: string): readonly string[];
  /** Each article's sentences in order. */
  sentencesOf(docId: string): readonly Sentence[];
  /** A sentence's analysed terms, computed on first use and kept a while. */
  sentenceTerms(sentence: Sentence): string[];
  /** Every analysed word of an article (headline included), computed on first use and kept a while. */
  articleTerms(docId: string): ReadonlySet<string>;
  /** Mean sentence length in characters (BM25 length normalisation of sentences). */
  averageSentenceChars: number;
  /** Share of articles that carry a date (a news archive, not an encyclopaedia). */
  datedShare: number;
  /** Acronyms the articles spell out ("Shanghai Cooperation Organisation (SCO)"), both ways. */
  acronyms: AcronymMap;
  /**
   * The newest dated articles first (undated ones only with `withUndated`, after them), at
   * most `limit`, those whose date `accept` takes: the store's catalog, in its order.
   */
  newestArticles(limit: number, accept?: (date: string) => boolean, withUndated?: boolean): ArticleMeta[];
  /** Words this archive uses for the question's words (WordNet relations, see lexicon/). */
  related(question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms;
  /** Whether a word names a place (WordNet); false when WordNet cannot be read. */
  isPlace(word: string): boolean;
  /** Whether a noun's most frequent sense is a kind of `kind` ("judge" → person); false when WordNet cannot be read. */
  kindOf(word: string, kind: string): boolean;
  /** Whether WordNet lists a word or a form of it ("hosted"); true when WordNet cannot be read, so no word passes for a slip. */
  isWord(word: string): boolean;
  /** Why WordNet could not be read, once it failed (then `related` returns nothing). */
  lexiconProblem(): string | undefined;
}

/** Articles whose sentences and terms are kept between questions. */
const CACHED_ARTICLES = 2000;

/** One WordNet for the process: its files are read on first use and shared by every index. */
let shared: WordNet | undefined;

/**
 * `lexicon` is the WordNet to read (tests pass a broken one). If its files cannot be read,
 * questions are answered without related words rather than failing: `lexiconProblem` says why.
 */
export function prepareIndex(store: IndexStore, embedder: Embedder, lexicon: WordNet = (shared ??= new WordNet())): LoadedIndex {
  const { manifest } = store;
  const source = store.lexical;
  const lexical: LoadedIndex['lexical'] = {
    get unitCount() {
      return source.unitCount;
    },
    documentFrequency: (term) => source.documentFrequency(term),
    idf: (term) => source.idf(term),
    search: (weights, k, accept) => source.search(weights, k, accept),
  };

  const perArticle = boundedCache<string, { sentences: Sentence[]; terms: Array<string[] | undefined>; all?: Set<string> }>(CACHED_ARTICLES);
  const entry = (docId: string) => {
    let e = perArticle.get(docId);
    if (!e) {
      const sentences = store.sentences(docId).map((s, index): Sentence => ({ docId, index, start: s.start, end: s.end }));
      perArticle.set(docId, (e = { sentences, terms: [] }));
    }
    return e;
  };
  // The store keeps recently decoded texts itself.
  const textOf = (docId: string) => store.text(docId);
  const sentenceTerms = (s: Sentence): string[] => {
    const e = entry(s.docId);
    let terms = e.terms[s.index];
    if (!terms) e.terms[s.index] = terms = analyzeTerms((textOf(s.docId) ?? '').slice(s.start, s.end));
    return terms;
  };
  const articleTerms = (docId: string): ReadonlySet<string> => {
    const e = entry(docId);
    e.all ??= new Set([...analyzeTerms(store.meta(docId)?.title ?? ''), ...e.sentences.flatMap(sentenceTerms)]);
    return e.all;
  };

  const newestArticles = (limit: number, accept: (date: string) => boolean = () => true, withUndated = false): ArticleMeta[] => {
    const out: ArticleMeta[] = [];
    for (const a of store.catalog()) {
      if (out.length >= limit) break;
      if (!(a.date ? accept(a.date) : withUndated)) continue;
      const meta = store.meta(a.id);
      if (meta) out.push(meta);
    }
    return out;
  };

  let lexiconProblem: string | undefined;
  // WordNet is read lazily: once its files cannot be read (a system error with a code, e.g.
  // ENOENT), every lookup answers "cannot tell" and the problem is kept to report, instead of
  // failing each question. Any other failure costs only that lookup: one odd word must not
  // switch related words off for the rest of the process.
  const guarded =
    <A extends unknown[], R>(lookup: (...args: A) => R, cannotTell: () => R) =>
    (...args: A): R => {
      if (lexiconProblem) return cannotTell();
      try {
        return lookup(...args);
      } catch (error) {
        if (isFileError(error)) lexiconProblem = error.message;
        return cannotTell();
      }
    };
  // One function per loaded index: related-word lookups memoise the archive's terms by it.
  const inArchive = (term: string) => lexical.documentFrequency(term) > 0;
  const rarity = (term: string) => lexical.idf(term);
  const related = guarded(
    (question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms => relatedTerms(lexicon, question, inArchive, rarity, options),
    (): RelatedTerms => new Map(),
  );
  const { counts, stats } = manifest;
  return {
    store,
    manifest,
    embedder,
    vectors: store.vectors,
    lexical,
    meta: (docId) => store.meta(docId),
    article(docId) {
      const meta = store.meta(docId);
      const text = meta && textOf(docId);
      return meta && text !== undefined ? { ...meta, text } : undefined;
    },
    text: textOf,
    chunk: (label) => store.chunk(label),
    isLive: (label) => store.isLive(label),
    copiesOf: (docId) => store.copiesOf(docId),
    sentencesOf: (docId) => entry(docId).sentences,
    sentenceTerms,
    articleTerms,
    averageSentenceChars: counts.sentences ? stats.sentenceChars / counts.sentences : 1,
    datedShare: counts.articles ? stats.dated / counts.articles : 0,
    acronyms: store.acronyms,
    newestArticles,
    related,
    isPlace: guarded((word: string) => isPlaceName(lexicon, word), () => false),
    kindOf: guarded((word: string, kind: string) => isKindOf(lexicon, word, kind), () => false),
    isWord: guarded((word: string) => isDictionaryWord(lexicon, word), () => true),
    lexiconProblem: () => lexiconProblem,
  };
}

const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/** A Map holding at most `max` entries, dropping the least recently used. */
function boundedCache<K, V>(max: number) {
  const map = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key: K, value: V): void {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value as K);
    },
  };
}

/** Share of dated articles above which an archive is news, not an encyclopaedia. */
const NEWS_ARCHIVE_DATED = 0.5;

/**
 * Whether most articles carry a date: a news archive, where an undated article is one whose
 * date went missing, rather than an encyclopaedia, where no article has one.
 */
export function isNewsArchive(index: Pick<LoadedIndex, 'datedShare'>): boolean {
  return index.datedShare > NEWS_ARCHIVE_DATED;
}
