import { analyzeTerms } from '../../analyze/analyzeTerms.ts';
import type { RelatedTerms } from '../../lexicon/relatedTerms.ts';
import { countTerms } from '../../analyze/analyzeTerms.ts';
import type { QuestionAnalysis } from '../question/analyzeQuestion.ts';
import type { Turn } from '../question/conversationMemory.ts';
import type { AcronymMap } from '../../corpus/findAcronyms.ts';
import { expandAcronyms } from './acronyms.ts';

/**
 * The question's words as a weighted query. The question's own words weigh 1 (a repeated
 * word more); words that say what the answer is *not* about weigh less: the kind of answer
 * ("In what *year*"), words set aside ("*Besides* oil"), and, in a dated archive, the words of
 * a date the question names (that date is matched against article dates instead). The other
 * spelling of an acronym the archive defines joins at half weight, and a follow-up borrows the
 * last turn's words at a lower weight.
 */
export interface QueryWeights {
  /** Weight of the other spelling of an acronym ("SCO" ↔ its long form). @default 0.5 */
  acronym: number;
  /** Weight of a date's words in a dated archive. @default 0.2 */
  dateWord: number;
  /** Weight of a word naming the answer's kind or one set aside. @default 0.5 */
  sideWord: number;
  /** Weight of the previous turn's words in a follow-up. @default 0.4 */
  followUp: number;
  /**
   * Share of a question word's weight that the words standing in for it (WordNet relatives,
   * "meeting" for "encounter") carry in retrieval, split among them. @default 0.5
   */
  related: number;
  /**
   * Most related words the retrieval query takes, the heaviest first. WordNet lends a long
   * question 100–300 words, and each is a posting list to probe: at 20,000 articles the
   * uncapped query cost BM25 p95 55 ms against 13 ms with 16; 16 moved no quality set by
   * more than 0.001, where 8 began to cost (docs/quality.md). @default 16
   */
  relatedLimit: number;
}

export const DEFAULT_QUERY_WEIGHTS: Readonly<QueryWeights> = Object.freeze({ acronym: 0.5, dateWord: 0.2, sideWord: 0.5, followUp: 0.4, related: 0.5, relatedLimit: 16 });

export interface QueryContext {
  /** Most articles carry a date (news, not an encyclopaedia). */
  dated: boolean;
  acronyms: AcronymMap;
  /** The turn a follow-up leans on. */
  previous?: Turn;
}

/** Term → weight for the question's own words (and a follow-up's borrowed ones). */
export function questionWeights(question: QuestionAnalysis, context: QueryContext, weights: QueryWeights = DEFAULT_QUERY_WEIGHTS): Map<string, number> {
  const terms = countTerms(question.terms);
  if (question.dates.length > 0 && context.dated) {
    for (const range of question.dates) for (const t of analyzeTerms(range.text)) if (terms.has(t)) terms.set(t, weights.dateWord);
  }
  for (const t of [...question.kindTerms, ...question.asideTerms]) if (terms.has(t)) terms.set(t, Math.min(terms.get(t)!, weights.sideWord));
  expandAcronyms(question.terms, terms, context.acronyms, weights.acronym);
  if (context.previous) for (const t of context.previous.terms) if (!terms.has(t)) terms.set(t, weights.followUp);
  return terms;
}

/**
 * The retrieval query: the question's terms, plus the words standing in for them (at most
 * `limit`, the heaviest; ties by term so the query is the same on every run).
 */
export function withRelated(
  terms: ReadonlyMap<string, number>,
  related: RelatedTerms,
  share = DEFAULT_QUERY_WEIGHTS.related,
  limit = DEFAULT_QUERY_WEIGHTS.relatedLimit,
): Map<string, number> {
  const out = new Map(terms);
  const added = new Map<string, number>();
  for (const [slot, relatives] of related) {
    const weight = terms.get(slot);
    if (weight === undefined || relatives.size === 0) continue;
    const each = (weight * share) / Math.sqrt(relatives.size);
    for (const [term, credit] of relatives) {
      const into = terms.has(term) ? out : added;
      into.set(term, Math.max(into.get(term) ?? 0, each * credit));
    }
  }
  const heaviest = [...added].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [term, weight] of heaviest.slice(0, limit)) out.set(term, weight);
  return out;
}
