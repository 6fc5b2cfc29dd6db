import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Article, Sentence } from '../corpus/types.ts';
import type { Embedder } from '../embed/types.ts';
import { isKindOf } from '../lexicon/kinds.ts';
import { isPlaceName } from '../lexicon/places.ts';
import { relatedTerms, type RelatedTerms, type RelatedTermsOptions } from '../lexicon/relatedTerms.ts';
import { WordNet } from '../lexicon/wordnet.ts';
import type { IndexData, StoredChunk } from './indexData.ts';
import { findAcronyms, type AcronymMap } from '../corpus/findAcronyms.ts';

/** An index ready for questions: the stored data plus lookups built once at load time. */
export interface LoadedIndex {
  data: IndexData;
  embedder: Embedder;
  articleById: Map<string, Article>;
  /** Chunk position (= lexical unit) by HNSW label. */
  positionByLabel: Map<number, number>;
  /** Each article's sentences in order. */
  sentencesByDoc: Map<string, Sentence[]>;
  /**
   * A sentence's analysed terms, computed on first use and kept (bounded by the corpus), so
   * repeated questions over the same articles do not re-tokenise them.
   */
  sentenceTerms(sentence: Sentence): string[];
  /** Every analysed word of an article, computed on first use and kept. */
  articleTerms(docId: string): ReadonlySet<string>;
  /** Mean sentence length in characters (BM25 length normalisation of sentences). */
  averageSentenceChars: number;
  /**
   * The newest dated articles first (undated ones only with `withUndated`, after them), at
   * most `limit`, those whose date `accept` takes. Sorted once, on first use.
   */
  newestArticles(limit: number, accept?: (date: string) => boolean, withUndated?: boolean): Article[];
  /** Share of articles that carry a date (a news archive, not an encyclopaedia). */
  datedShare: number;
  /** Acronyms the articles spell out ("Shanghai Cooperation Organisation (SCO)"), both ways. */
  acronyms: AcronymMap;
  /** Words this archive uses for the question's words (WordNet relations, see lexicon/). */
  related(question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms;
  /** Whether a word names a place (WordNet); false when WordNet cannot be read. */
  isPlace(word: string): boolean;
  /** Whether a noun's most frequent sense is a kind of `kind` ("judge" → person); false when WordNet cannot be read. */
  kindOf(word: string, kind: string): boolean;
  /** Why WordNet could not be read, once it failed (then `related` returns nothing). */
  lexiconProblem(): string | undefined;
}

/** One WordNet for the process: its files are read on first use and shared by every index. */
let shared: WordNet | undefined;

/**
 * `lexicon` is the WordNet to read (tests pass a broken one). If its files cannot be read,
 * questions are answered without related words rather than failing: `lexiconProblem` says why.
 */
export function prepareIndex(data: IndexData, embedder: Embedder, lexicon: WordNet = (shared ??= new WordNet())): LoadedIndex {
  const sentencesByDoc = new Map<string, Sentence[]>();
  let sentenceChars = 0;
  for (const s of data.sentences) {
    let list = sentencesByDoc.get(s.docId);
    if (!list) sentencesByDoc.set(s.docId, (list = []));
    list.push(s);
    sentenceChars += s.end - s.start;
  }
  for (const list of sentencesByDoc.values()) list.sort((a, b) => a.index - b.index);
  const articleById = new Map(data.articles.map((a) => [a.id, a]));
  const termCache = new Map<string, Array<string[] | undefined>>();
  const sentenceTerms = (s: Sentence): string[] => {
    let perDoc = termCache.get(s.docId);
    if (!perDoc) termCache.set(s.docId, (perDoc = []));
    let terms = perDoc[s.index];
    if (!terms) perDoc[s.index] = terms = analyzeTerms(articleById.get(s.docId)!.text.slice(s.start, s.end));
    return terms;
  };
  const articleTermCache = new Map<string, Set<string>>();
  const articleTerms = (docId: string): ReadonlySet<string> => {
    let terms = articleTermCache.get(docId);
    if (!terms) {
      terms = new Set([...analyzeTerms(articleById.get(docId)?.title ?? ''), ...(sentencesByDoc.get(docId) ?? []).flatMap(sentenceTerms)]);
      articleTermCache.set(docId, terms);
    }
    return terms;
  };
  let byDate: Article[] | undefined;
  const newestArticles = (limit: number, accept: (date: string) => boolean = () => true, withUndated = false): Article[] => {
    byDate ??= [...data.articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
    const out: Article[] = [];
    for (const a of byDate) {
      if (out.length >= limit) break;
      if (a.date ? accept(a.date) : withUndated) out.push(a);
    }
    return out;
  };
  const { lexical } = data;
  let lexiconProblem: string | undefined;
  // WordNet is read lazily: once a read fails, every lookup answers "cannot tell" and the
  // problem is kept to report, instead of failing each question.
  const guarded =
    <A extends unknown[], R>(lookup: (...args: A) => R, cannotTell: () => R) =>
    (...args: A): R => {
      if (lexiconProblem) return cannotTell();
      try {
        return lookup(...args);
      } catch (error) {
        lexiconProblem = error instanceof Error ? error.message : String(error);
        return cannotTell();
      }
    };
  const related = guarded(
    (question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms =>
      relatedTerms(lexicon, question, (t) => lexical.documentFrequency(t) > 0, (t) => lexical.idf(t), options),
    (): RelatedTerms => new Map(),
  );
  const isPlace = guarded((word: string) => isPlaceName(lexicon, word), () => false);
  const kindOf = guarded((word: string, kind: string) => isKindOf(lexicon, word, kind), () => false);
  return {
    related,
    isPlace,
    kindOf,
    lexiconProblem: () => lexiconProblem,
    sentenceTerms,
    articleTerms,
    newestArticles,
    averageSentenceChars: data.sentences.length ? sentenceChars / data.sentences.length : 1,
    acronyms: findAcronyms(data.articles.map((a) => a.text)),
    datedShare: data.articles.length ? data.articles.filter((a) => a.date).length / data.articles.length : 0,
    data,
    embedder,
    articleById,
    positionByLabel: new Map(data.chunks.map((c: StoredChunk, i) => [c.label, i])),
    sentencesByDoc,
  };
}
