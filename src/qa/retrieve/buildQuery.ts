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
}

export const DEFAULT_QUERY_WEIGHTS: Readonly<QueryWeights> = Object.freeze({ acronym: 0.5, dateWord: 0.2, sideWord: 0.5, followUp: 0.4, related: 0.5 });

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

/** The retrieval query: the question's terms, plus the words standing in for them. */
export function withRelated(terms: ReadonlyMap<string, number>, related: RelatedTerms, share = DEFAULT_QUERY_WEIGHTS.related): Map<string, number> {
  const out = new Map(terms);
  for (const [slot, relatives] of related) {
    const weight = terms.get(slot);
    if (weight === undefined || relatives.size === 0) continue;
    const each = (weight * share) / Math.sqrt(relatives.size);
    for (const [term, credit] of relatives) out.set(term, Math.max(out.get(term) ?? 0, each * credit));
  }
  return out;
}
