import { DEFAULT_RELATED_OPTIONS } from '../../lexicon/relatedTerms.ts';
import type { AnswerType } from '../question/analyzeQuestion.ts';
import type { ScoredSentence } from '../extract/extractAnswer.ts';

/**
 * How likely the best sentence answers the question, in [0, 1]: logistic regression over
 * what extraction measured. Fitted by `scripts/calibrate.ts` on SQuAD dev (answers found or
 * not) plus questions whose article was left out of the index (the archive cannot answer),
 * so the number reads as a probability and the abstention threshold as a trade-off.
 */
export interface ConfidenceFeatures {
  coverage: number;
  window: number;
  context: number;
  semantic: number;
  /** The question wants a date/number/name/place and a quoted sentence has one. */
  typedMatch: number;
  /** The question wants a name or place and no quoted sentence has one (outside a news archive). */
  typedMiss: number;
  /**
   * The question wants a date or a number (in a news archive, also a person, place or name)
   * and no quoted sentence has one (a reliable cue).
   */
  preciseMiss: number;
  /** The question names a year that the answer's article is not from and its quoted text does not name. */
  dateMiss: number;
  /**
   * Best sentence's own score (without the article-wide feature) minus a rival article's: how
   * plainly one answer is the one asked about. 0 when a date or number is asked for and not
   * quoted, when the article is from another year than the one named, or when it speaks of the
   * event as still ahead: then it only shows the right topic was found, not the fact ("How many
   * nationals…?" of an article that names none).
   */
  margin: number;
  /**
   * The question asks for someone's words ("What did Lavrov say…") and no quoted sentence is
   * attributed to them: another speaker's words on the subject do not answer it.
   */
  speakerMiss: number;
  /**
   * The question asks for the name of a kind of thing ("Which resort…") and the quoted text
   * speaks of one ("a luxury beach resort in Goa") without naming it; or it asks for a person
   * of one country ("Who is China's foreign minister?") and the quoted text names only people
   * of others (whosePerson.ts).
   */
  unnamedKind: number;
  /**
   * The question asks what someone said or did about a topic ("…say about China…") and neither
   * the quoted sentences nor the ones beside them speak of it (askedTopic.ts).
   */
  topicMiss: number;
  /**
   * The question asks what happened and the answer speaks of that event as still ahead
   * ("Modi's anticipated visit"): written before it, it cannot say what came of it.
   */
  eventAhead: number;
  /**
   * The question asks "how many" of something and a quoted sentence counts that very thing
   * ("six times" for "How many times…?"). Fitted with the other weights held (calibrate.ts --only).
   */
  countMatch: number;
  /** Share of the question's IDF mass the whole archive knows at all (unknown words = off-topic). */
  known: number;
  /** The question names something (a capitalised word) no article mentions. */
  unknownName: number;
}

export type ConfidenceModel = { intercept: number } & { [K in keyof ConfidenceFeatures]: number };

export const DEFAULT_CONFIDENCE_MODEL: Readonly<ConfidenceModel> = Object.freeze({
  // Fitted by `npx tsx scripts/calibrate.ts` (hashed embedder); refit after changing extraction.
  intercept: -5.05,
  coverage: 2.79,
  window: 1.17,
  context: 0.85,
  semantic: 0.34,
  typedMatch: 0.06,
  typedMiss: -0.35,
  // Held at -2.5 on purpose: a "how many…?" or "when…?" answered by a sentence with no number
  // or date is the wrong answer users notice most, and in a news archive whose articles all
  // share a topic, the other features cannot see it. (Fitted at -1.04 with the first answer
  // cues; at -2.79 once dates and figures were told apart and checked on the quoted sentences;
  // at -1.36 with the margin also zeroed on a miss, which carries part of the same signal.)
  preciseMiss: -2.5,
  // Not fitted: SQuAD's articles carry no dates, so the fit never sees it. Held as strong as
  // preciseMiss, for the same reason: "in March 2022" answered from a 2024 article about
  // another meeting is a wrong answer the other features cannot see in a one-topic archive.
  dateMiss: -2.5,
  margin: 3.28,
  // Held, as preciseMiss: another speaker's words on the same subject are a wrong answer the
  // other features cannot see in a one-topic archive (the fit, mostly SQuAD, gives -0.64).
  speakerMiss: -2.5,
  // Held: a news cue. SQuAD answers "which…" with common nouns as often as with names (fit: +0.16).
  unnamedKind: -2.5,
  // Held: a news cue. On SQuAD it fires on 1 of 5,696 questions (answered wrongly), too few to fit.
  topicMiss: -2.5,
  // Held: a news cue (previews). It fires on no SQuAD question (fitted on the dev set alone: -0.82).
  eventAhead: -2.5,
  known: 0.13,
  unknownName: -0.85,
  // Added after the fit above, so fitted alone with every other weight held
  // (`npx tsx scripts/calibrate.ts --only countMatch`): the evals moved only where it fires.
  countMatch: 0.39,
});

/**
 * Below this the archive is said not to answer. A trade-off read off the calibration table
 * and the evals (README): on SQuAD, 0.10 instead of 0.125 answers 12 more of its 3,103
 * answerable questions but 252 more of its 3,892 unanswerable ones; on the seeds' dev set
 * 0.125 abstains on all 10 unanswerable questions, 0.10 on 9.
 */
export const DEFAULT_ABSTAIN_BELOW = 0.125;

/**
 * The threshold in a news archive (most articles dated), where the news cues count double
 * (NEWS_CUE_STRENGTH) and catch much of what the threshold caught before. Chosen on the seed
 * sets written for fitting and development (train and dev): on the 165 questions of both,
 * 0.10 answers 2 more answerable ones right than 0.125 and 1 more the archive cannot answer;
 * 0.075 would answer 5 more right and 3 more unanswerable, and dev's abstention would fall to 0.8
 * (with the person/place miss and count cues since: 3 more right, 1 more unanswerable; README).
 */
export const NEWS_ABSTAIN_BELOW = 0.1;

/**
 * `quoted` are the sentences the answer would quote (the best, and maybe a second put first
 * because only it holds the date or figure asked for): the answer type is checked on them,
 * since that is what the reader gets.
 */
export function confidenceFeatures(
  best: ScoredSentence,
  runnerUp: ScoredSentence | undefined,
  answerType: AnswerType,
  archive: { share: number; unknownName: number; dateMiss: boolean; asksSpeaker?: boolean; unnamedKind?: boolean; topicMiss?: boolean; eventAhead?: boolean; news?: boolean; countsAsked?: boolean },
  quoted: readonly ScoredSentence[] = [best],
): ConfidenceFeatures {
  const typed = answerType !== 'other';
  // News names its people and places: there "Who…?" answered by a sentence naming no one is
  // as plainly wrong as "When…?" answered with no date. An encyclopaedia answers "who" with
  // "the Normans" as often as with a name, so elsewhere the miss stays a weak cue.
  const precise = answerType === 'date' || answerType === 'number' || (typed && !!archive.news);
  const holdsType = quoted.some((s) => s.features.typed > 0);
  const cue = archive.news ? NEWS_CUE_STRENGTH : 1;
  return {
    coverage: best.features.coverage,
    window: best.features.window,
    context: best.features.context,
    semantic: best.semantic,
    typedMatch: typed && holdsType ? 1 : 0,
    typedMiss: typed && !precise && !holdsType ? 1 : 0,
    preciseMiss: precise && !holdsType ? 1 : 0,
    dateMiss: archive.dateMiss ? cue : 0,
    margin: (precise && !holdsType) || archive.eventAhead || archive.dateMiss ? 0 : Math.min(1, runnerUp ? Math.max(0, best.ownScore - runnerUp.ownScore) : best.ownScore),
    speakerMiss: archive.asksSpeaker && !quoted.some((s) => s.features.speaker >= SPEAKER_FOUND) ? cue : 0,
    unnamedKind: archive.unnamedKind ? cue : 0,
    topicMiss: archive.topicMiss ? cue : 0,
    eventAhead: archive.eventAhead ? cue : 0,
    known: archive.share,
    unknownName: archive.unknownName,
    countMatch: archive.countsAsked ? 1 : 0,
  };
}

/**
 * How much the news cues (dateMiss, speakerMiss, unnamedKind, topicMiss, eventAhead) count in a
 * news archive (most articles dated), where each marks a wrong answer: the date of another
 * meeting, another minister's words, a resort left unnamed, another topic, a visit still ahead
 * (topicMiss came later and was not part of this count). At 1 they only lowered
 * confidence, and answers with a high margin still passed: on a question set written over the
 * seeds for fitting (tests/fixtures/train-questions.jsonl), 5 of its 35 unanswerable questions
 * were answered with one of these cues raised; at 2 all 5 abstain. In an encyclopaedic archive
 * (SQuAD) they stay at 1: there "what did X say" is often answered in the writer's words.
 */
export const NEWS_CUE_STRENGTH = 2;

/**
 * Share of the asked speaker's words a sentence's attribution must hold to be theirs: a
 * related word one step broader or narrower counts ("spokesman" asked, "spokesperson" said).
 */
const SPEAKER_FOUND = DEFAULT_RELATED_OPTIONS.near;

export function confidenceOf(features: ConfidenceFeatures | undefined, model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL): number {
  if (!features) return 0;
  let z = model.intercept;
  for (const key of Object.keys(features) as Array<keyof ConfidenceFeatures>) z += model[key] * features[key];
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
