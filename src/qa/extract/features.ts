import type { AnswerType } from '../question/analyzeQuestion.ts';
import type { AnswerDetail } from '../question/answerFocus.ts';
import { dateAffinity, type DateRange } from '../question/questionDates.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import { hasDetailCue, typedAnswers } from './answerCues.ts';
import type { Sentence } from '../../corpus/types.ts';
import { neighboursOf, type CandidateSentence } from './candidates.ts';
import { readingOf, sentencesHolding, wordsOf, type SentenceWords } from './sentenceReading.ts';
import { wordRarity } from './wordRarity.ts';
import { analyzeTerms } from '../../analyze/analyzeTerms.ts';

/**
 * What is measured of each candidate sentence: the ranking signals, each a small pure
 * function of the question, the sentence and its article, scaled to about [0, 1]. How much
 * each one counts is not written here: it is learned (`npm run train`) and read from the
 * ranker's weights file. A signal joins this list only with a test of its own, and stays only
 * while a fit on each training set alone gives it weight (|w| ≥ 0.25, the same sign) on at
 * least two of them (docs/quality.md lists those that went: lead, position, title, dense,
 * proximity, length, restatement, corroboration).
 */
export const SENTENCE_FEATURES = ['coverage', 'window', 'order', 'bm25', 'context', 'article', 'typed', 'typedDetail', 'answerNear', 'focusNear', 'dateIn', 'dateOut', 'offTitle', 'inArticle'] as const;

export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];
export type SentenceFeatures = Record<SentenceFeature, number>;

/**
 * Features read only when ordering the best article's own sentences (ranker.ts), never when
 * choosing the article. Every sentence of a report repeats the story's words, so what tells
 * them apart is the rest: `offTitle` discounts the words of the article's headline, and
 * `inArticle` weighs each question word by how few of the article's sentences hold it (and
 * not the headline's). Across articles they would mark down the one whose headline matches
 * the question, and with it the confidence.
 */
export const WITHIN_ARTICLE_ONLY: ReadonlySet<SentenceFeature> = new Set(['offTitle', 'inArticle']);

/** The question as extraction reads it. */
export interface QuestionForFeatures {
  text: string;
  /** Weight per content term (a follow-up carries the previous turn's terms at a lower weight). */
  weights: ReadonlyMap<string, number>;
  /** The question's own terms in order (for word-pair matches). */
  ordered: readonly string[];
  /** Words that stand in for a question term, with partial credit ("encounter" ← "meeting"). */
  related?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  answerType: AnswerType;
  /** The shape of figure asked for ("What share…" → percent), if any. */
  answerDetail?: AnswerDetail;
  /** Analysed terms of the noun a "which …" question asks for ("Which *judge*…" → judg). */
  focusTerms?: ReadonlySet<string>;
  /** Dates the question names (its own, or a follow-up's predecessor's). */
  dates: readonly DateRange[];
}

export interface FeaturedSentence extends CandidateSentence {
  features: SentenceFeatures;
}

/** BM25 saturation and length normalisation for sentence scores (the index's values). */
const K1 = 1.2;
const B = 0.75;

export function sentenceFeatures(index: LoadedIndex, question: QuestionForFeatures, candidates: readonly CandidateSentence[]): FeaturedSentence[] {
  const { presence, idf } = wordRarity(index.lexical);
  const qTerms = [...question.weights.keys()];
  const weightOf = (t: string) => question.weights.get(t) ?? 0;
  const qWeights = qTerms.map(weightOf);
  const qPresence = qTerms.map(presence);
  const qMass = qTerms.reduce((sum, t) => sum + weightOf(t) * presence(t), 0) || 1;
  // Word pairs as first word → the words that follow it: a lookup per sentence word, no string built.
  const qPairs = new Map<string, Set<string>>();
  let pairCount = 0;
  for (let i = 1; i < question.ordered.length; i++) {
    const first = question.ordered[i - 1]!;
    let next = qPairs.get(first);
    if (!next) qPairs.set(first, (next = new Set()));
    if (!next.has(question.ordered[i]!)) pairCount++;
    next.add(question.ordered[i]!);
  }
  const qSet = new Set(qTerms);

  // A question term is matched by itself, or in part by the best word standing in for it.
  // WordNet lends a question hundreds of such words and a sentence has a dozen terms, so the
  // sentence's terms are looked up among them (`standsFor`), not the other way round.
  const standsFor = new Map<string, Array<[slot: string, credit: number]>>();
  let relatedCount = 0;
  for (const [slot, relatives] of question.related ?? []) {
    for (const [r, credit] of relatives) {
      let slots = standsFor.get(r);
      if (!slots) standsFor.set(r, (slots = []));
      slots.push([slot, credit]);
      relatedCount++;
    }
  }
  const slotOf = new Map(qTerms.map((t, i) => [t, i]));
  /**
   * How well a set of terms (a sentence's, an article's) stands for each question term: 1 when
   * it has the term, else the best credit of a word of it standing in for the term.
   */
  const slotScores = (set: ReadonlySet<string>): Float64Array => {
    const scores = new Float64Array(qTerms.length);
    const lend = (slot: string, credit: number) => {
      const i = slotOf.get(slot);
      if (i !== undefined && credit > scores[i]!) scores[i] = credit;
    };
    if (set.size <= relatedCount) {
      for (const term of set) for (const [slot, credit] of standsFor.get(term) ?? []) lend(slot, credit);
    } else {
      for (const [slot, relatives] of question.related ?? []) for (const [r, credit] of relatives) if (set.has(r)) lend(slot, credit);
    }
    for (let i = 0; i < qTerms.length; i++) if (set.has(qTerms[i]!)) scores[i] = 1;
    return scores;
  };
  /**
   * Coverage of the question by one set of terms, or by several read together (a sentence and
   * its neighbours): each question term counts by the best any of them does.
   */
  const coverageOf = (...scored: readonly Float64Array[]) => {
    let sum = 0;
    for (let i = 0; i < qTerms.length; i++) {
      let value = 0;
      for (const scores of scored) if (scores[i]! > value) value = scores[i]!;
      sum += value * qWeights[i]! * qPresence[i]!;
    }
    return sum / qMass;
  };
  const memo = <K, V>(compute: (key: K) => V) => {
    const cache = new Map<K, V>();
    return (key: K) => {
      let v = cache.get(key);
      if (v === undefined && !cache.has(key)) cache.set(key, (v = compute(key)));
      return v as V;
    };
  };
  const articleCoverage = memo((docId: string) => coverageOf(slotScores(index.articleTerms(docId))));
  // Each sentence is a candidate and the neighbour of two others: scored once per question.
  const sentenceScores = memo((sentence: Sentence) => slotScores(readingOf(index, sentence).terms));
  // Each question term's share of the sentence measure, less what the article's headline says.
  const headlineScores = memo((docId: string) => slotScores(new Set(analyzeTerms(index.article(docId)?.title ?? ''))));
  const offTitleShares = memo((docId: string) => {
    const headline = headlineScores(docId);
    const shares = qTerms.map((_, i) => (1 - headline[i]!) * qWeights[i]! * qPresence[i]!);
    const mass = shares.reduce((a, b) => a + b, 0);
    return mass > 0 ? shares.map((share) => share / mass) : undefined;
  });
  // Each question term's share by its rarity among the article's own sentences, log((n + 1) /
  // (held + 0.5)), less what the headline says: a name the archive finds rare may be in every
  // sentence of its report, and the words few of them hold are the detail asked for. It does
  // not drift with the archive's size as the archive's word rarity does (docs/scale.md).
  const inArticleWeights = memo((docId: string) => {
    const { sentences, held } = sentencesHolding(index, docId);
    const headline = headlineScores(docId);
    const weights = qTerms.map((t, i) => (1 - headline[i]!) * qWeights[i]! * Math.log((sentences + 1) / ((held.get(t) ?? 0) + 0.5)));
    const mass = weights.reduce((a, b) => a + b, 0);
    return mass > 0 ? weights.map((w) => w / mass) : undefined;
  });
  const dateOf = memo((docId: string) => dateAffinity(index.meta(docId)?.date ?? null, [...question.dates]));

  const bm25Of = (terms: readonly string[], chars: number) => {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * chars) / index.averageSentenceChars);
    let score = 0;
    for (const t of qTerms) {
      const tf = counts.get(t);
      if (tf) score += weightOf(t) * idf(t) * ((tf * (K1 + 1)) / (tf + norm));
    }
    return score;
  };

  const featured: FeaturedSentence[] = candidates.map((c) => {
    const own = sentenceScores(c.sentence);
    const neighbours = neighboursOf(index, c.sentence).map(sentenceScores);
    let pairs = 0;
    for (let i = 1; i < c.terms.length; i++) if (qPairs.get(c.terms[i - 1]!)?.has(c.terms[i]!)) pairs++;
    const date = dateOf(c.sentence.docId);
    const typed = question.answerType === 'other' ? undefined : typedAnswers(question.answerType, c.text, question.text, index.isPlace);
    const offsets = typed?.offsets ?? [];
    const words = offsets.length === 0 ? undefined : readingOf(index, c.sentence, c.text).words;
    const features: SentenceFeatures = {
      coverage: coverageOf(own),
      window: coverageOf(own, ...neighbours),
      order: pairCount ? Math.min(1, pairs / pairCount) : 0,
      bm25: bm25Of(c.terms, c.text.length),
      context: c.context,
      article: articleCoverage(c.sentence.docId),
      typed: typed?.cue ? 1 : 0,
      typedDetail: question.answerDetail && hasDetailCue(question.answerDetail, c.text, question.text) ? 1 : 0,
      answerNear: words ? nearness(offsets, words, qSet) : 0,
      // "Judge Clifton Newman", "met by Chris Cassidy, an astronaut": the kind asked for, named beside a candidate answer.
      focusNear: words && question.focusTerms?.size ? nearness(offsets, words, question.focusTerms) : 0,
      dateIn: date === 1 ? 1 : 0,
      dateOut: date === 0 ? 1 : 0,
      offTitle: coveredShare(own, offTitleShares(c.sentence.docId)),
      inArticle: coveredShare(own, inArticleWeights(c.sentence.docId)),
    };
    return { ...c, features };
  });

  // BM25 relative to the best candidate's: comparable across questions of any length.
  const bestBm25 = Math.max(0, ...featured.map((f) => f.features.bm25)) || 1;
  for (const f of featured) f.features.bm25 /= bestBm25;

  return featured;
}

/**
 * How much of the question a sentence covers, each question term counting its share (beyond
 * the article's headline for `offTitle`; by its rarity among the article's sentences for
 * `inArticle`): 0 when no term has a share.
 */
function coveredShare(own: Float64Array, shares: readonly number[] | undefined): number {
  if (!shares) return 0;
  let sum = 0;
  for (let i = 0; i < shares.length; i++) sum += shares[i]! * own[i]!;
  return sum;
}

/** Words a candidate answer may sit from the nearest question word and still count as beside it. */
const NEAR_WORDS = 3;

/**
 * How close the nearest candidate answer (a date, figure, name or place of the asked type,
 * at the given character offsets) sits to a word of the question: 1 right beside one, falling
 * with every word between, 0 when there is no candidate answer or no question word.
 */
export function answerNearness(offsets: readonly number[], text: string, questionTerms: ReadonlySet<string>): number {
  return offsets.length === 0 ? 0 : nearness(offsets, wordsOf(text), questionTerms);
}

function nearness(offsets: readonly number[], words: SentenceWords, questionTerms: ReadonlySet<string>): number {
  const { ends, stems } = words;
  const wordAt = (offset: number) => {
    const i = ends.findIndex((end) => end > offset);
    return i === -1 ? ends.length - 1 : i;
  };
  const matches: number[] = [];
  stems.forEach((stem, i) => {
    if (stem !== undefined && questionTerms.has(stem)) matches.push(i);
  });
  let best = Infinity;
  for (const offset of offsets) {
    const a = wordAt(offset);
    for (const m of matches) if (m !== a) best = Math.min(best, Math.abs(a - m));
  }
  return best === Infinity ? 0 : 1 / (1 + Math.max(0, best - 1) / NEAR_WORDS);
}

/** A feature vector in the fixed order of SENTENCE_FEATURES (what the weights file lists). */
export function featureRow(features: SentenceFeatures): number[] {
  return SENTENCE_FEATURES.map((name) => features[name]);
}
