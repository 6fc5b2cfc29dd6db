import { answerHit, citationCorrect } from '../eval/metrics.ts';
import type { EvalQuestion } from '../eval/questions.ts';
import { ABSTENTION_FEATURES, ABSTENTION_FORMAT, abstentionRow } from '../qa/answer/abstention.ts';
import type { AnswerSettings, Inspection } from '../qa/answer/answerQuestion.ts';
import { featureRow, SENTENCE_FEATURES, WITHIN_ARTICLE_ONLY } from '../qa/extract/features.ts';
import { bestArticleOrder, RANKER_FORMAT, type RankedSentence, type RankerModel } from '../qa/extract/ranker.ts';
import type { Archive, Answer } from '../qa/types.ts';
import { dot, fitListwiseRanker, softmax } from './listwiseRanker.ts';
import { fitLogistic, predictLogistic } from './logisticRegression.ts';

/**
 * Fit the sentence ranker and the abstention model from named training sets, as
 * `npm run train` does. Each set is an archive and its questions; a set may teach the ranker
 * (its answerable questions: which candidate holds the gold answer), the abstention model
 * (all its questions: was the answer given right), or both. Each set weighs the same in
 * total, so a few hundred news questions count as much as thousands of SQuAD ones (a set's
 * `abstentionWeight` may say otherwise for the abstention model).
 * Deterministic: the same sets in the same order give the same files.
 */
export interface TrainingSet {
  name: string;
  /** An archive opened with `settings` (training sets the models on it before each pass). */
  archive: Archive;
  questions: readonly EvalQuestion[];
  ranker: boolean;
  /** Only for the second stage (ordering the answering article's sentences). @default false */
  withinArticleOnly?: boolean;
  abstention: boolean;
  /** What the set weighs in the abstention fit and its threshold, against 1 for every other set. @default 1 */
  abstentionWeight?: number;
}

export interface TrainOptions {
  /** L2 penalty of both fits. @default 0.01 */
  l2: number;
  /** What quoting a second sentence costs, in hit@2 per answer it is added to: a second sentence must bring the answer to one reader in ten it is shown to. @default 0.1 */
  secondSentenceCost: number;
  /** Progress lines. */
  log: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = Object.freeze({ l2: 0.01, secondSentenceCost: 0.1, log: () => {} });

export interface RankerFileContent {
  format: typeof RANKER_FORMAT;
  features: string[];
  weights: number[];
  withinArticle: number[];
  secondRatio: number;
  trainedOn: Record<string, number>;
}

export interface AbstentionFileContent {
  format: typeof ABSTENTION_FORMAT;
  features: string[];
  intercept: number;
  weights: number[];
  threshold: number;
  trainedOn: Record<string, number>;
}

/** Candidate second-sentence ratios and abstention thresholds tried. */
const SECOND_RATIOS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1];
const THRESHOLDS = Array.from({ length: 89 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);

interface Seen {
  question: EvalQuestion;
  inspection: Inspection | undefined;
  answer: Answer;
}

/**
 * `settings` is the object every training archive was opened with: its models are replaced
 * before each pass (the pipeline reads them on every question), and nothing abstains.
 */
export async function trainModels(
  sets: readonly TrainingSet[],
  settings: AnswerSettings,
  options: Partial<TrainOptions> = {},
): Promise<{ ranker: RankerFileContent; abstention: AbstentionFileContent }> {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const askAll = async (set: TrainingSet, questions: readonly EvalQuestion[], ranker: RankerModel): Promise<Seen[]> => {
    let inspection: Inspection | undefined;
    Object.assign(settings, {
      ranker,
      abstention: { intercept: 0, weights: ABSTENTION_FEATURES.map(() => 0), threshold: 0 },
      abstainBelow: 0,
      inspect: (seen: Inspection) => (inspection = seen),
    });
    const out: Seen[] = [];
    for (const question of questions) {
      inspection = undefined;
      const conversationId = question.conversation ? `train:${set.name}:${question.conversation}` : undefined;
      const answer = await set.archive.ask(question.question, { conversationId, since: question.since, until: question.until });
      out.push({ question, inspection, answer });
    }
    return out;
  };

  // 1. Candidates and their features (features do not depend on the ranker's weights).
  const neutral: RankerModel = { weights: SENTENCE_FEATURES.map((f) => (f === 'coverage' ? 1 : 0)), secondRatio: 0.5 };
  const groups: RankingGroups = [];
  for (const set of sets.filter((s) => s.ranker || s.withinArticleOnly)) {
    const seen = await askAll(set, set.questions.filter((q) => q.answerable && q.answers.length > 0), neutral);
    const usable = seen.filter((s) => s.inspection?.ranked.some((r) => holdsAnswer(s.question, r)));
    for (const s of usable) {
      const ranked = s.inspection!.ranked;
      groups.push({
        set: set.name,
        rows: ranked.map((r) => featureRow(r.features)),
        relevant: ranked.map((r) => holdsAnswer(s.question, r)),
        docs: ranked.map((r) => r.sentence.docId),
        weight: 1 / usable.length,
      });
    }
    o.log(`${set.name}: ${usable.length} of ${seen.length} answerable questions have a candidate holding the answer`);
  }
  // The first stage never reads what only tells an article's sentences apart (its weight is 0).
  const acrossArticles = SENTENCE_FEATURES.map((f) => !WITHIN_ARTICLE_ONLY.has(f));
  const withinOnly = new Set(sets.filter((s) => s.withinArticleOnly).map((s) => s.name));
  const firstStage = groups.filter((g) => !withinOnly.has(g.set));
  const weights = fitListwiseRanker(firstStage.map((g) => ({ ...g, rows: g.rows.map((x) => x.map((v, i) => (acrossArticles[i] ? v : 0))) })), { l2: o.l2 });
  const withinArticle = fitListwiseRanker(insideAnsweringArticle(groups), { l2: o.l2 });
  const secondRatio = chooseSecondRatio(firstStage, weights, o.secondSentenceCost, withinArticle);

  // 2. Abstention: ask again with the fitted ranker; label 1 when the answer is right.
  const rows: Array<{ set: string; x: number[]; y: 0 | 1; weight: number; answerable: boolean }> = [];
  for (const set of sets.filter((s) => s.abstention)) {
    // Judged on the first stage's own answers: whether the archive answers is its call, and
    // the confidence reads its pick (answerQuestion.ts).
    const seen = (await askAll(set, set.questions, { weights, secondRatio })).filter((s) => s.inspection?.features);
    const weight = (set.abstentionWeight ?? 1) / seen.length;
    for (const s of seen) rows.push({ set: set.name, x: abstentionRow(s.inspection!.features!), y: isRight(s) ? 1 : 0, weight, answerable: s.question.answerable });
  }
  const fitted = fitLogistic(rows, { l2: o.l2 });
  const setWeights = new Map(sets.map((s) => [s.name, s.abstentionWeight ?? 1]));
  const threshold = chooseThreshold(rows.map((r) => ({ ...r, p: predictLogistic(fitted, r.x) })), setWeights);

  // Each file lists the sets it was fitted on (the ranker's, with those of its second stage only).
  const trainedOn = (uses: (s: TrainingSet) => boolean) => Object.fromEntries(sets.filter(uses).map((s) => [s.name, s.questions.length]));
  return {
    ranker: { format: RANKER_FORMAT, features: [...SENTENCE_FEATURES], weights: weights.map((w) => round(w)), withinArticle: withinArticle.map((w) => round(w)), secondRatio, trainedOn: trainedOn((s) => s.ranker || !!s.withinArticleOnly) },
    abstention: { format: ABSTENTION_FORMAT, features: [...ABSTENTION_FEATURES], intercept: round(fitted.intercept), weights: fitted.weights.map((w) => round(w)), threshold, trainedOn: trainedOn((s) => s.abstention) },
  };
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** A candidate answers when it holds a gold answer string and (when sources are given) sits in a gold article. */
export function holdsAnswer(q: EvalQuestion, s: Pick<RankedSentence, 'text' | 'sentence'>): boolean {
  if (q.sources.length > 0 && !q.sources.includes(s.sentence.docId)) return false;
  const text = fold(s.text);
  return q.answers.some((a) => text.includes(fold(a)));
}

/** A right answer: the gold answer quoted from a gold article (or, with no answer strings, a gold article cited first). */
function isRight(seen: Seen): boolean {
  const q = seen.question;
  if (!q.answerable) return false;
  return q.answers.length > 0 ? answerHit(q, seen.answer) && citationCorrect(q, seen.answer) : citationCorrect(q, seen.answer);
}

/** A training question's candidates: feature rows, which hold the answer, and their articles. */
type RankingGroups = Array<{ set: string; rows: number[][]; relevant: boolean[]; docs: string[]; weight: number }>;

/**
 * What the second stage learns from: each question's candidates inside the article that holds
 * its answer (the first candidate holding it, in the order collected), when there are two or more.
 */
export function insideAnsweringArticle(groups: RankingGroups): RankingGroups {
  const out: RankingGroups = [];
  for (const g of groups) {
    const answering = g.docs[g.relevant.indexOf(true)];
    const mine = g.docs.map((_, i) => i).filter((i) => g.docs[i] === answering);
    if (mine.length < 2) continue;
    out.push({ set: g.set, rows: mine.map((i) => g.rows[i]!), relevant: mine.map((i) => g.relevant[i]!), docs: mine.map((i) => g.docs[i]!), weight: g.weight });
  }
  return out;
}

/**
 * The second-sentence ratio with the best hit@2 per set, less what the second sentences cost
 * the reader, each set weighing the same. The places are the first stage's, their sentences
 * the second stage's (`bestArticleOrder`), as on the answer path.
 */
export function chooseSecondRatio(
  groups: ReadonlyArray<{ set: string; rows: number[][]; relevant: boolean[]; docs?: string[] }>,
  weights: readonly number[],
  cost: number,
  withinArticle?: readonly number[],
): number {
  // What every ratio asks of a question, read once: the first two places' probabilities,
  // and whether the sentences filling the first two places (after the second stage) answer.
  const read = groups.map((g) => {
    const p = softmax(g.rows.map((x) => dot(weights, x)));
    const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
    const filled =
      withinArticle && g.docs
        ? bestArticleOrder(
            order.map((i) => g.docs![i]!),
            order.map((i) => dot(withinArticle, g.rows[i]!)),
          ).map((k) => order[k]!)
        : order;
    return {
      set: g.set,
      first: p[order[0]!]!,
      second: order[1] === undefined ? undefined : p[order[1]]!,
      firstAnswers: g.relevant[filled[0]!]!,
      secondAnswers: filled[1] !== undefined && g.relevant[filled[1]]!,
    };
  });
  const sets = [...new Set(groups.map((g) => g.set))];
  let best = { ratio: 0.5, value: -Infinity };
  for (const ratio of SECOND_RATIOS) {
    let value = 0;
    for (const set of sets) {
      const mine = read.filter((r) => r.set === set);
      let hits = 0;
      let seconds = 0;
      for (const r of mine) {
        const second = r.second !== undefined && r.second >= ratio * r.first;
        if (r.firstAnswers || (second && r.secondAnswers)) hits++;
        if (second) seconds++;
      }
      value += (hits - cost * seconds) / mine.length;
    }
    if (value > best.value + 1e-12) best = { ratio, value };
  }
  return best.ratio;
}

/**
 * Thresholds either side of a candidate whose outcomes count towards it (0.01 apart): the
 * count is flat over a wide band and one training question moves its peak by 0.01 (0.30 ↔ 0.31
 * on one lemma more; docs/quality.md), so a threshold is judged with its neighbours.
 */
const THRESHOLD_SPREAD = 2;

/**
 * The threshold that makes the most questions come out right, each set weighing the same (or
 * what `setWeights` gives it): an answerable question is right when answered correctly, an
 * unanswerable one when declined. Counted as the mean over the threshold and its
 * `THRESHOLD_SPREAD` neighbours each side, so that a plateau wins over a one-question spike
 * beside it: confidences on other questions than the training ones move a little either way.
 */
export function chooseThreshold(rows: ReadonlyArray<{ set: string; y: 0 | 1; p: number; answerable: boolean }>, setWeights: ReadonlyMap<string, number> = new Map()): number {
  const sets = [...new Set(rows.map((r) => r.set))];
  const rightAt = THRESHOLDS.map((t) => {
    let value = 0;
    for (const set of sets) {
      const mine = rows.filter((r) => r.set === set);
      const right = mine.filter((r) => (r.answerable ? r.p >= t && r.y === 1 : r.p < t)).length;
      value += ((setWeights.get(set) ?? 1) * right) / mine.length;
    }
    return value;
  });
  let best = { t: 0.5, value: -Infinity };
  THRESHOLDS.forEach((t, i) => {
    const around = rightAt.slice(Math.max(0, i - THRESHOLD_SPREAD), i + THRESHOLD_SPREAD + 1);
    const value = around.reduce((a, b) => a + b, 0) / around.length;
    if (value > best.value + 1e-12) best = { t, value };
  });
  return best.t;
}

const round = (x: number, places = 6) => Math.round(x * 10 ** places) / 10 ** places;
