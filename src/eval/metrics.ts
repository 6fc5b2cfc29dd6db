import type { Answer } from '../qa/types.ts';
import type { EvalQuestion } from './questions.ts';

/** The figures `eval` prints, as defined in shared/eval-format.md. Pure. */
export interface EvalMetrics {
  questions: number;
  /** Answerable questions with gold answer strings. */
  withAnswers: number;
  answerHitAt2: number | null;
  citationCorrect: number | null;
  abstention: number | null;
  falseAbstention: number | null;
  ndcgAt10: number | null;
  recallAt10: number | null;
  mrrAt10: number | null;
  latencyP50: number;
  latencyP95: number;
  /** Most sentences any answer quoted (must be ≤ 2). */
  maxSentences: number;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function answerHit(question: EvalQuestion, result: Answer): boolean {
  if (result.abstained) return false;
  const text = fold(result.sentences.slice(0, 2).map((s) => s.text).join(' '));
  return question.answers.some((a) => text.includes(fold(a)));
}

export function citationCorrect(question: EvalQuestion, result: Answer): boolean {
  const first = result.sentences[0];
  return !result.abstained && first !== undefined && question.sources.includes(first.docId);
}

/** nDCG@10, Recall@10 and reciprocal rank over the distinct retrieved articles, binary relevance. */
export function rankingScores(question: EvalQuestion, result: Answer): { ndcg: number; recall: number; rr: number } {
  const relevant = new Set(question.sources);
  const ranked = [...new Set(result.retrieved.map((r) => r.docId))].slice(0, 10);
  let dcg = 0;
  let rr = 0;
  let found = 0;
  ranked.forEach((docId, i) => {
    if (!relevant.has(docId)) return;
    dcg += 1 / Math.log2(i + 2);
    found++;
    if (rr === 0) rr = 1 / (i + 1);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, 10); i++) ideal += 1 / Math.log2(i + 2);
  return { ndcg: ideal ? dcg / ideal : 0, recall: relevant.size ? found / relevant.size : 0, rr };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function computeMetrics(pairs: Array<{ question: EvalQuestion; result: Answer }>): EvalMetrics {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const answerable = pairs.filter((p) => p.question.answerable);
  const unanswerable = pairs.filter((p) => !p.question.answerable);
  const withAnswers = answerable.filter((p) => p.question.answers.length > 0);
  const withSources = answerable.filter((p) => p.question.sources.length > 0);
  const ranking = withSources.map((p) => rankingScores(p.question, p.result));
  const latencies = pairs.map((p) => p.result.timingsMs.total);
  return {
    questions: pairs.length,
    withAnswers: withAnswers.length,
    answerHitAt2: mean(withAnswers.map((p) => (answerHit(p.question, p.result) ? 1 : 0))),
    citationCorrect: mean(withSources.map((p) => (citationCorrect(p.question, p.result) ? 1 : 0))),
    abstention: mean(unanswerable.map((p) => (p.result.abstained ? 1 : 0))),
    falseAbstention: mean(answerable.map((p) => (p.result.abstained ? 1 : 0))),
    ndcgAt10: mean(ranking.map((r) => r.ndcg)),
    recallAt10: mean(ranking.map((r) => r.recall)),
    mrrAt10: mean(ranking.map((r) => r.rr)),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    maxSentences: Math.max(0, ...pairs.map((p) => p.result.sentences.length)),
  };
}

export function formatMetrics(m: EvalMetrics): string {
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  return [
    `questions            ${m.questions} (${m.withAnswers} with gold answers)`,
    `answer hit@2         ${f(m.answerHitAt2)}`,
    `citation correct     ${f(m.citationCorrect)}`,
    `abstention           ${f(m.abstention)}  (unanswerable questions that abstained)`,
    `false abstention     ${f(m.falseAbstention)}`,
    `nDCG@10              ${f(m.ndcgAt10)}`,
    `Recall@10            ${f(m.recallAt10)}`,
    `MRR@10               ${f(m.mrrAt10)}`,
    `latency p50 / p95    ${m.latencyP50.toFixed(1)} / ${m.latencyP95.toFixed(1)} ms`,
    `max sentences        ${m.maxSentences}`,
  ].join('\n');
}

/** One point of an abstention curve: what a threshold on confidence would give. */
export interface CurvePoint {
  threshold: number;
  answerHitAt2: number | null;
  abstention: number | null;
  falseAbstention: number | null;
}

/**
 * Abstention / false-abstention / hit@2 at each threshold, from answers given without
 * abstaining (`ABSTAIN_BELOW=0`): a question abstains at threshold t when its confidence is
 * below t. Pure.
 */
export function abstentionCurve(pairs: Array<{ question: EvalQuestion; result: Answer }>, thresholds: readonly number[]): CurvePoint[] {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const scored = pairs.filter((p) => p.result.kind === 'answer' || p.result.kind === 'abstain');
  return thresholds.map((threshold) => {
    const abstains = (p: (typeof scored)[number]) => p.result.abstained || p.result.confidence < threshold;
    const answerable = scored.filter((p) => p.question.answerable);
    return {
      threshold,
      answerHitAt2: mean(answerable.filter((p) => p.question.answers.length > 0).map((p) => (!abstains(p) && answerHit(p.question, p.result) ? 1 : 0))),
      abstention: mean(scored.filter((p) => !p.question.answerable).map((p) => (abstains(p) ? 1 : 0))),
      falseAbstention: mean(answerable.map((p) => (abstains(p) ? 1 : 0))),
    };
  });
}

export function formatCurve(points: readonly CurvePoint[]): string {
  const f = (x: number | null) => (x === null ? ' n/a ' : x.toFixed(3));
  return ['threshold  hit@2  abstention  false abst.', ...points.map((p) => `${p.threshold.toFixed(2).padStart(9)}  ${f(p.answerHitAt2)}  ${f(p.abstention).padStart(10)}  ${f(p.falseAbstention).padStart(11)}`)].join('\n');
}

/** How an eval question's near miss (a changed year, month, period or edition) was answered. */
export interface NearMissResult {
  kind: string;
  abstained: boolean;
}

/**
 * The share of near misses the bot declined, in all and by what was changed: how well
 * abstention catches "the right topic, another year / quarter / edition" on this archive.
 */
export function formatNearMisses(rows: readonly NearMissResult[]): string {
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const share = (xs: readonly NearMissResult[]) => (xs.length ? (xs.filter((r) => r.abstained).length / xs.length).toFixed(3) : ' n/a ');
  const byKind = (f: (xs: NearMissResult[], kind: string) => string) => (kinds.length ? ` (${kinds.map((k) => f(rows.filter((r) => r.kind === k), k)).join(', ')})` : '');
  return [
    `near misses          ${rows.length}${byKind((xs, k) => `${k} ${xs.length}`)}`,
    `  abstained          ${share(rows)}${byKind((xs, k) => `${k} ${share(xs)}`)}`,
  ].join('\n');
}
