import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Sentence } from '../corpus/types.ts';
import type { AnswerType } from './analyzeQuestion.ts';
import { hasAnswerCue } from './answerCues.ts';
import type { LoadedIndex } from './loadedIndex.ts';
import type { ScoredChunk } from './retrieve.ts';

/**
 * Pick the sentences that answer, from the sentences of the best chunks. Each candidate is
 * scored on what the question asks, not on how its chunk ranked alone:
 * - coverage: the share of the question's IDF mass the sentence (or, for less, its neighbour) contains;
 * - order: adjacent question-word pairs found adjacent in the sentence (phrases, names);
 * - context: its best chunk's retrieval score, relative to the top chunk;
 * - answer type: it holds a date / number / name / place the question does not already say;
 * - novelty: a sentence that only repeats the question's words answers nothing.
 */
export interface ExtractOptions {
  /** Chunks whose sentences are candidates. @default 12 */
  chunkDepth: number;
  weights: { coverage: number; neighbour: number; order: number; context: number; answerType: number; novelty: number };
  /** A second sentence is quoted when it scores at least this share of the first. @default 0.75 */
  secondRatio: number;
  /** Content-term overlap above which two sentences say the same thing. @default 0.6 */
  duplicateOverlap: number;
}

export const DEFAULT_EXTRACT_OPTIONS: Readonly<ExtractOptions> = Object.freeze({
  chunkDepth: 12,
  weights: { coverage: 1, neighbour: 0.15, order: 0.25, context: 0.45, answerType: 0.25, novelty: 0.3 },
  secondRatio: 0.75,
  duplicateOverlap: 0.6,
});

export interface ScoredSentence {
  sentence: Sentence;
  text: string;
  terms: string[];
  score: number;
  coverage: number;
  context: number;
  semantic: number;
  typed: boolean;
}

export interface QuestionForExtraction {
  text: string;
  /** Weight per content term (a follow-up carries the previous turn's terms at a lower weight). */
  weights: ReadonlyMap<string, number>;
  /** The question's own terms in order (for word-pair matches). */
  ordered: string[];
  answerType: AnswerType;
}

/** Score every candidate sentence, best first. */
export function scoreSentences(index: LoadedIndex, question: QuestionForExtraction, chunks: ScoredChunk[], options: Partial<ExtractOptions> = {}): ScoredSentence[] {
  const o = { ...DEFAULT_EXTRACT_OPTIONS, ...options, weights: { ...DEFAULT_EXTRACT_OPTIONS.weights, ...options.weights } };
  const top = chunks.slice(0, o.chunkDepth);
  const best = top[0]?.score || 1;
  const idf = (t: string) => index.data.lexical.idf(t);
  const qTerms = [...question.weights.keys()];
  const weightOf = (t: string) => question.weights.get(t) ?? 0;
  const qMass = qTerms.reduce((sum, t) => sum + weightOf(t) * idf(t), 0) || 1;
  const qPairs = new Set(question.ordered.slice(1).map((t, i) => `${question.ordered[i]} ${t}`));

  const context = new Map<string, { sentence: Sentence; context: number; semantic: number }>();
  for (const c of top) {
    const sentences = index.sentencesByDoc.get(c.chunk.docId) ?? [];
    for (let i = c.chunk.firstSentence; i <= c.chunk.lastSentence; i++) {
      const sentence = sentences[i];
      if (!sentence) continue;
      const key = `${sentence.docId}#${i}`;
      const prev = context.get(key);
      if (!prev || prev.context < c.score / best) context.set(key, { sentence, context: c.score / best, semantic: c.semantic });
    }
  }

  const termCache = new Map<string, string[]>();
  const termsOf = (s: Sentence) => {
    const key = `${s.docId}#${s.index}`;
    let terms = termCache.get(key);
    if (!terms) termCache.set(key, (terms = analyzeTerms(textOf(index, s))));
    return terms;
  };
  const coverageOf = (terms: string[]) => {
    const set = new Set(terms);
    return qTerms.reduce((sum, t) => sum + (set.has(t) ? weightOf(t) * idf(t) : 0), 0) / qMass;
  };

  const scored: ScoredSentence[] = [];
  for (const { sentence, context: ctx, semantic } of context.values()) {
    const text = textOf(index, sentence);
    const terms = termsOf(sentence);
    const coverage = coverageOf(terms);
    const siblings = index.sentencesByDoc.get(sentence.docId) ?? [];
    const neighbour = Math.max(
      0,
      ...[siblings[sentence.index - 1], siblings[sentence.index + 1]].filter((s): s is Sentence => !!s).map((s) => coverageOf(termsOf(s))),
    );
    let pairs = 0;
    for (let i = 1; i < terms.length; i++) if (qPairs.has(`${terms[i - 1]} ${terms[i]}`)) pairs++;
    const order = qPairs.size ? Math.min(1, pairs / qPairs.size) : 0;
    const typed = question.answerType !== 'other' && hasAnswerCue(question.answerType, text, question.text);
    const qSet = new Set(qTerms);
    const fresh = terms.filter((t) => !qSet.has(t)).length;
    const novelty = terms.length === 0 ? 0 : Math.min(1, fresh / 3);
    const w = o.weights;
    const score =
      w.coverage * coverage + w.neighbour * neighbour + w.order * order + w.context * ctx + w.answerType * (typed ? 1 : 0) - w.novelty * (1 - novelty);
    scored.push({ sentence, text, terms, score, coverage, context: ctx, semantic, typed });
  }
  scored.sort((a, b) => b.score - a.score || a.sentence.docId.localeCompare(b.sentence.docId) || a.sentence.index - b.sentence.index);
  return scored;
}

/** The 1–2 sentences to quote: the best, and a second that scores close to it and says something else. */
export function pickSentences(scored: ScoredSentence[], options: Partial<ExtractOptions> = {}): ScoredSentence[] {
  const o = { ...DEFAULT_EXTRACT_OPTIONS, ...options };
  const first = scored[0];
  if (!first) return [];
  const second = scored.slice(1).find((s) => s.score >= o.secondRatio * first.score && overlap(s.terms, first.terms) < o.duplicateOverlap);
  return second ? [first, second] : [first];
}

/** Share of the smaller sentence's content terms that the other also has. */
export function overlap(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / Math.min(sa.size, sb.size);
}

export function textOf(index: LoadedIndex, s: { docId: string; start: number; end: number }): string {
  return index.articleById.get(s.docId)!.text.slice(s.start, s.end);
}
