import type { Sentence } from '../../corpus/types.ts';
import type { AnswerType } from '../question/analyzeQuestion.ts';
import { hasAnswerCue } from './answerCues.ts';
import { namesAnotherPerson, peopleIn } from '../namedPeople.ts';
import type { LoadedIndex } from '../loadedIndex.ts';
import type { ScoredChunk } from '../retrieve/retrieveChunks.ts';

/**
 * Pick the sentences that answer, from the sentences of the best chunks. Each candidate is
 * scored on what the question asks, not on how its chunk ranked alone: a weighted sum of the
 * `SentenceFeatures` below (coverage of the question's words, alone and with its neighbours,
 * word order and proximity, its chunk's score, the answer type, restatement, lead position).
 */
export interface ExtractOptions {
  /** Chunks whose sentences are candidates. @default 12 */
  chunkDepth: number;
  /** Linear weights over `SentenceFeatures` (fitted on the public benchmarks, see README). */
  weights: FeatureWeights;
  /** A second sentence is quoted when it scores at least this share of the first. @default 0.5 */
  secondRatio: number;
  /** Content-term overlap above which two sentences say the same thing. @default 0.6 */
  duplicateOverlap: number;
}

/** What is measured of each candidate sentence; every value is in [0, 1]. */
export interface SentenceFeatures {
  /** Share of the question's IDF mass the sentence contains. */
  coverage: number;
  /** Adjacent question-word pairs found adjacent in the sentence (phrases, names). */
  order: number;
  /** Matched question words packed close together: matched / span of the window holding them. */
  proximity: number;
  /** Its best chunk's retrieval score relative to the top chunk. */
  context: number;
  /**
   * Coverage of the sentence together with its neighbours (a fact told across two sentences);
   * a neighbour that names someone else in place of an asked person (`otherPerson`) lends nothing.
   */
  window: number;
  /** Holds a date / number / name / place the question asks for and does not already say. */
  typed: number;
  /** 1 when it says little beyond the question's words (a restatement answers nothing). */
  restates: number;
  /**
   * Share of the speaker the question asks the words of ("What did *Lavrov* say…") that the
   * sentence is attributed to ("On his part, Lavrov said…"); 0 when it asks for nobody's words.
   */
  speaker: number;
  /**
   * Coverage of the sentence's whole article: the place or event a news question names ("the
   * Goa talks") is in the dateline or lead, seldom in the sentence that answers.
   */
  article: number;
  /** 1 for an article's first sentence, ½ for its second: news leads with who, what, where and when. */
  lead: number;
  /**
   * 1 when it names someone else in place of a person the question names: asked what
   * Jaishankar and Lavrov signed, "Jaishankar … with Deputy Prime Minister Manturov … witnessed
   * the signing" tells of another meeting, however many of the question's words it holds.
   */
  otherPerson: number;
}

export type FeatureWeights = { [K in keyof SentenceFeatures]: number };

export const DEFAULT_EXTRACT_OPTIONS: Readonly<ExtractOptions> = Object.freeze({
  chunkDepth: 12,
  weights: { coverage: 0.9, order: 0.25, proximity: 0.05, context: 0.5, window: 0.6, typed: 0.2, restates: -0.3, lead: 0.1, speaker: 0.3, article: 0.8, otherPerson: -0.5 },
  secondRatio: 0.5,
  duplicateOverlap: 0.6,
});

export interface ScoredSentence {
  sentence: Sentence;
  text: string;
  terms: string[];
  score: number;
  /**
   * The score without the article-wide feature: what the sentence itself earns. Confidence
   * measures its margin on this, since the article feature lifts every sentence of the best
   * article alike, answer or not (calibrate.ts: it made unanswerable questions look answerable).
   */
  ownScore: number;
  features: SentenceFeatures;
  /** Cosine similarity of its best chunk to the question. */
  semantic: number;
}

export interface QuestionForExtraction {
  text: string;
  /** Weight per content term (a follow-up carries the previous turn's terms at a lower weight). */
  weights: ReadonlyMap<string, number>;
  /** The question's own terms in order (for word-pair matches). */
  ordered: string[];
  /** Words that stand in for a question term, with partial credit ("encounter" ← "meeting"). */
  related?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  answerType: AnswerType;
  /** Terms of the speaker whose words the question asks for (speakers.ts), if any. */
  speaker?: readonly string[];
}

/**
 * Score every candidate sentence, best first. `docBoost` carries the same soft preferences
 * retrieval used (the question's dates, the conversation's articles) down to sentences.
 */
export function scoreSentences(
  index: LoadedIndex,
  question: QuestionForExtraction,
  chunks: ScoredChunk[],
  options: Partial<ExtractOptions> = {},
  docBoost: (docId: string) => number = () => 1,
): ScoredSentence[] {
  const o = { ...DEFAULT_EXTRACT_OPTIONS, ...options, weights: { ...DEFAULT_EXTRACT_OPTIONS.weights, ...options.weights } };
  const scored = sentenceCandidates(index, question, chunks, o.chunkDepth);
  for (const s of scored) {
    const boost = docBoost(s.sentence.docId);
    s.score = weigh(s.features, o.weights) * boost;
    s.ownScore = s.score - o.weights.article * s.features.article * boost;
  }
  scored.sort((a, b) => b.score - a.score || a.sentence.docId.localeCompare(b.sentence.docId) || a.sentence.index - b.sentence.index);
  return scored;
}

export function weigh(f: SentenceFeatures, w: FeatureWeights): number {
  let score = 0;
  for (const key of Object.keys(w) as Array<keyof SentenceFeatures>) score += w[key] * f[key];
  return score;
}

/** The sentences of the best chunks with their features (score not yet set). */
export function sentenceCandidates(index: LoadedIndex, question: QuestionForExtraction, chunks: ScoredChunk[], chunkDepth: number): ScoredSentence[] {
  const top = chunks.slice(0, chunkDepth);
  const best = top[0]?.score || 1;
  const idf = (t: string) => index.data.lexical.presenceWeight(t);
  const qTerms = [...question.weights.keys()];
  const weightOf = (t: string) => question.weights.get(t) ?? 0;
  const qMass = qTerms.reduce((sum, t) => sum + weightOf(t) * idf(t), 0) || 1;
  const qPairs = new Set(question.ordered.slice(1).map((t, i) => `${question.ordered[i]} ${t}`));
  const qSet = new Set(qTerms);

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

  const termsOf = index.sentenceTerms;
  // A question term is matched by itself, or in part by a word standing in for it (the best one).
  const matchOf = (t: string, set: Set<string>) => {
    if (set.has(t)) return 1;
    let best = 0;
    for (const [r, credit] of question.related?.get(t) ?? []) if (credit > best && set.has(r)) best = credit;
    return best;
  };
  const coverageOf = (terms: string[] | ReadonlySet<string>) => {
    const set = terms instanceof Set ? terms : new Set(terms);
    return qTerms.reduce((sum, t) => sum + matchOf(t, set) * weightOf(t) * idf(t), 0) / qMass;
  };

  const speaker = question.speaker ?? [];
  const speakerMass = speaker.reduce((sum, t) => sum + idf(t), 0) || 1;
  const speakerShareOf = (s: Sentence) => {
    if (speaker.length === 0) return 0;
    const said = new Set(index.sentenceSpeaker(s));
    return said.size === 0 ? 0 : speaker.reduce((sum, t) => sum + matchOf(t, said) * idf(t), 0) / speakerMass;
  };

  const articleCoverages = new Map<string, number>();
  const articleCoverage = (docId: string) => {
    let c = articleCoverages.get(docId);
    if (c === undefined) articleCoverages.set(docId, (c = coverageOf(index.articleTerms(docId))));
    return c;
  };

  const people = index.personNames();
  // A "who" question's answer is someone it does not name.
  const askedPeople = question.answerType === 'person' ? new Set<string>() : peopleIn(question.text, people);
  // Asked of each candidate and of its neighbours: read each sentence once per question.
  const otherPersonMemo = new Map<Sentence, boolean>();
  const namesOther = (s: Sentence) => {
    let named = otherPersonMemo.get(s);
    if (named === undefined) otherPersonMemo.set(s, (named = namesAnotherPerson(askedPeople, textOf(index, s), people)));
    return named;
  };
  const out: ScoredSentence[] = [];
  for (const { sentence, context: ctx, semantic } of context.values()) {
    const text = textOf(index, sentence);
    if (isHeading(text)) continue;
    const terms = termsOf(sentence);
    const neighbours = neighboursOf(index, sentence);
    let pairs = 0;
    for (let i = 1; i < terms.length; i++) if (qPairs.has(`${terms[i - 1]} ${terms[i]}`)) pairs++;
    const fresh = terms.filter((t) => !qSet.has(t)).length;
    const features: SentenceFeatures = {
      coverage: coverageOf(terms),
      order: qPairs.size ? Math.min(1, pairs / qPairs.size) : 0,
      proximity: proximityOf(terms, qSet),
      context: ctx,
      // A neighbour telling of someone else in place of an asked person ("…with Manturov…")
      // lends no words: it is another meeting, not the rest of this sentence's fact.
      window: coverageOf([...terms, ...neighbours.filter((n) => !namesOther(n)).flatMap(termsOf)]),
      typed: question.answerType !== 'other' && hasAnswerCue(question.answerType, text, question.text, index.isPlace) ? 1 : 0,
      restates: terms.length === 0 ? 1 : 1 - Math.min(1, fresh / 3),
      lead: sentence.index === 0 ? 1 : sentence.index === 1 ? 0.5 : 0,
      speaker: speakerShareOf(sentence),
      article: articleCoverage(sentence.docId),
      otherPerson: namesOther(sentence) ? 1 : 0,
    };
    out.push({ sentence, text, terms, score: 0, ownScore: 0, features, semantic });
  }
  return out;
}

/** The sentences either side of one in its article (one at an article's edge). */
export function neighboursOf(index: LoadedIndex, sentence: Sentence): Sentence[] {
  const siblings = index.sentencesByDoc.get(sentence.docId) ?? [];
  return [siblings[sentence.index - 1], siblings[sentence.index + 1]].filter((s): s is Sentence => !!s);
}

/**
 * A subhead or headline ("Jaishankar, Lavrov Review India-Russia Ties"): short and without
 * closing punctuation. Kept in the index (it helps retrieval) but never quoted as an answer.
 */
export function isHeading(text: string): boolean {
  return !/[.!?…:;"”’')\]]$/.test(text) && text.split(/\s+/).length <= 15;
}

/** Matched distinct question terms divided by the length of the shortest window holding them all. */
function proximityOf(terms: string[], question: Set<string>): number {
  const positions: Array<[number, string]> = [];
  terms.forEach((t, i) => question.has(t) && positions.push([i, t]));
  const distinct = new Set(positions.map(([, t]) => t)).size;
  if (distinct <= 1) return distinct;
  const counts = new Map<string, number>();
  let have = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < positions.length; right++) {
    const t = positions[right]![1];
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (counts.get(t) === 1) have++;
    while (have === distinct) {
      best = Math.min(best, positions[right]![0] - positions[left]![0] + 1);
      const lt = positions[left]![1];
      counts.set(lt, counts.get(lt)! - 1);
      if (counts.get(lt) === 0) have--;
      left++;
    }
  }
  return distinct / best;
}

/**
 * The 1–2 sentences to quote: the best, and a second that scores close to it and says
 * something else. When only the second holds what the question asks for (the date of a
 * "when", the figure of a "how many"), it is quoted first. In a follow-up, a sentence the
 * previous answer quoted is not added again as the second, except for a date or a figure:
 * "When was that?" is best answered by the sentences that named the event, not by another
 * sentence with another date.
 */
export function pickSentences(
  scored: ScoredSentence[],
  options: Partial<ExtractOptions> = {},
  answerType: AnswerType = 'other',
  alreadyQuoted: ReadonlySet<string> = new Set(),
): ScoredSentence[] {
  const o = { ...DEFAULT_EXTRACT_OPTIONS, ...options };
  const first = scored[0];
  if (!first) return [];
  const precise = answerType === 'date' || answerType === 'number';
  const holdsWhatFirstLacks = (s: ScoredSentence) => precise && s.features.typed > first.features.typed;
  const second = scored
    .slice(1)
    .find(
      (s) =>
        s.score >= o.secondRatio * first.score &&
        overlap(s.terms, first.terms) < o.duplicateOverlap &&
        (precise || !alreadyQuoted.has(sentenceKey(s.sentence))),
    );
  if (!second) return [first];
  return holdsWhatFirstLacks(second) ? [second, first] : [first, second];
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

/** A sentence's identity across turns: `docId#index`. */
export function sentenceKey(s: { docId: string; index: number }): string {
  return `${s.docId}#${s.index}`;
}
