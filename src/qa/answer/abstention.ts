import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RelatedTerms } from '../../lexicon/relatedTerms.ts';
import { isNewsArchive, type LoadedIndex } from '../../store/loadedIndex.ts';
import type { AnswerType } from '../question/analyzeQuestion.ts';
import type { AnswerDetail } from '../question/answerFocus.ts';
import { neighboursOf } from '../extract/candidates.ts';
import { checkConstraints, type QuestionConstraints } from '../question/constraints.ts';
import { writesNoParty } from '../question/parties.ts';
import { dateAffinity, type DateRange } from '../question/questionDates.ts';
import type { RankedSentence } from '../extract/ranker.ts';
import { statesSameFact } from './cite.ts';
import { wordRarity } from '../extract/wordRarity.ts';

/**
 * Does the best sentence answer the question? A logistic model over what the ranking saw
 * (how far the best sentence stands above the rest, how much of the question it holds) and
 * whether the answer's article reports what the question pins down: its year or period
 * (constraints.ts), the names it mentions, the kind of thing it asks for. Its weights and the
 * abstention threshold are learned by `npm run train` and read from `abstention.json`.
 */
export const ABSTENTION_FEATURES = [
  'score',
  'probability',
  'margin',
  'marginWithin',
  'coverage',
  'window',
  'dense',
  'typedMiss',
  'detailMiss',
  'known',
  'unknownName',
  'nameMissing',
  'nameMissingQuoted',
  'termMissingQuoted',
  'constraintMissing',
  'constraintContradicted',
  'dateOut',
  'asksDate',
  'asksNumber',
  'asksPerson',
  'asksPlace',
  'asksName',
  'newsArchive',
] as const;

export type AbstentionFeature = (typeof ABSTENTION_FEATURES)[number];
export type AbstentionFeatures = Record<AbstentionFeature, number>;

/** Margins are capped: beyond this the best sentence is simply clear. */
const MARGIN_CAP = 4;

export interface AbstentionInput {
  question: { answerType: AnswerType; answerDetail?: AnswerDetail; constraints: QuestionConstraints; dates: readonly DateRange[]; weights: ReadonlyMap<string, number> };
  ranked: readonly RankedSentence[];
  quoted: readonly RankedSentence[];
  related: RelatedTerms;
}

export function abstentionFeatures(index: LoadedIndex, input: AbstentionInput): AbstentionFeatures | undefined {
  const { question, ranked, quoted, related } = input;
  const best = ranked[0];
  if (!best) return undefined;
  const idf = (t: string) => index.lexical.idf(t);
  const docId = best.sentence.docId;
  const article = index.article(docId) ?? { title: '', text: '', date: null };
  // The rival is the best sentence of another article that does not state the same fact:
  // another report of the same fact corroborates, it does not compete.
  const rival = ranked.find((s) => s.sentence.docId !== docId && !statesSameFact(best, s, idf));
  const within = ranked.find((s) => s !== best && s.sentence.docId === docId);
  const probability = 1 / ranked.reduce((sum, s) => sum + Math.exp(s.score - best.score), 0);
  // In a news archive an undated article is one whose date went missing, and a report seldom
  // writes its own year; where no article is dated (an encyclopaedia), the text is all there is.
  const check = checkConstraints(question.constraints, article, isNewsArchive(index));
  // What the reader gets: the quoted sentences and the ones beside them.
  const quotedTerms = new Set(quoted.flatMap((q) => [q.sentence, ...neighboursOf(index, q.sentence)]).flatMap(index.sentenceTerms));
  const type = question.answerType;
  const knows = archiveKnows(index, related);
  return {
    score: best.score,
    probability,
    margin: rival ? Math.min(MARGIN_CAP, best.score - rival.score) : MARGIN_CAP,
    marginWithin: within ? Math.min(MARGIN_CAP, best.score - within.score) : MARGIN_CAP,
    coverage: best.features.coverage,
    window: best.features.window,
    dense: best.semantic,
    typedMiss: type !== 'other' && !quoted.some((s) => s.features.typed > 0) ? 1 : 0,
    detailMiss: question.answerDetail && !quoted.some((s) => s.features.typedDetail > 0) ? 1 : 0,
    known: knownShare(index, question.weights, related),
    unknownName: question.constraints.names.some((name) => name.some((t) => !knows(t))) ? 1 : 0,
    nameMissing: nameMissing(question.constraints.names, index.articleTerms(docId), idf),
    nameMissingQuoted: nameMissing(question.constraints.names, quotedTerms, idf),
    termMissingQuoted: mostImportantMissing(question.weights, quotedTerms, related, wordRarity(index.lexical, Infinity).presence),
    constraintMissing: Math.min(1, check.missing),
    constraintContradicted: Math.min(1, check.contradicted),
    dateOut: dateAffinity(article.date, [...question.dates]) === 0 ? 1 : 0,
    asksDate: type === 'date' ? 1 : 0,
    asksNumber: type === 'number' ? 1 : 0,
    asksPerson: type === 'person' ? 1 : 0,
    asksPlace: type === 'place' ? 1 : 0,
    asksName: type === 'name' ? 1 : 0,
    // A news archive (most articles dated) and an encyclopaedia miss in different ways.
    newsArchive: isNewsArchive(index) ? 1 : 0,
  };
}

/**
 * Whether a sentence's article writes none of the parties the question names (names no
 * dictionary lists: "Federer", "Murdaugh"; question/parties.ts). Then it tells another story,
 * however well its other words match: asked "Whom did Roger Federer defeat…" of an archive
 * without the match, the best sentence shares a stem with "Federer" ("Federal safety
 * standards…"). When it is the best sentence's, no quote answers (the confidence is 0);
 * beside an answer from the story, it is not quoted (pickSentences.ts). A rule beside the
 * model, not one of its features: the model's training questions hardly ever ask about a
 * story their archive lacks, and fed to it as a feature or a constraint the refit learns
 * little (docs/quality.md, "Parties the best article never writes").
 */
export function tellsAnotherStory(index: LoadedIndex, constraints: QuestionConstraints, sentence: RankedSentence | undefined): boolean {
  if (!sentence || constraints.parties.length === 0) return false;
  const article = index.article(sentence.sentence.docId);
  return article !== undefined && writesNoParty(constraints.parties, article);
}

/** A related word this close (a synonym or another form) stands for the same name: "Laotian" for Laos. */
const SAME_NAME_CREDIT = 0.6;

/** Whether the archive uses a term, or a word that stands for the same name ("Laos" for "Laotian"). */
export function archiveKnows(index: LoadedIndex, related: RelatedTerms): (term: string) => boolean {
  return (t) => index.lexical.documentFrequency(t) > 0 || hasCloseRelative(related, t);
}

function hasCloseRelative(related: RelatedTerms, term: string): boolean {
  for (const credit of related.get(term)?.values() ?? []) if (credit >= SAME_NAME_CREDIT) return true;
  return false;
}

/** IDF-weighted share of the question's name terms that the answer's article never uses. */
export function nameMissing(names: readonly (readonly string[])[], articleTerms: ReadonlySet<string>, idf: (t: string) => number): number {
  let total = 0;
  let missing = 0;
  for (const name of names) {
    for (const t of name) {
      total += idf(t);
      if (!articleTerms.has(t)) missing += idf(t);
    }
  }
  return total ? missing / total : 0;
}

/**
 * How important the most important question word missing from the quoted text is, relative
 * to the most important question word: 1 when the rarest word the question uses is nowhere
 * near the answer (asked about the Greens, the quote gives the Social Democrats' share), 0
 * when every word is there (a related word counts in part).
 */
export function mostImportantMissing(
  weights: ReadonlyMap<string, number>,
  quoted: ReadonlySet<string>,
  related: RelatedTerms,
  weightOf: (t: string) => number,
): number {
  let top = 0;
  let missing = 0;
  for (const [t, w] of weights) {
    if (w < 1) continue;
    const mass = weightOf(t);
    top = Math.max(top, mass);
    let found = quoted.has(t) ? 1 : 0;
    for (const [r, credit] of related.get(t) ?? []) if (quoted.has(r)) found = Math.max(found, credit);
    missing = Math.max(missing, mass * (1 - found));
  }
  return top ? missing / top : 0;
}

/**
 * Share of the question's weighted words that occur anywhere in the archive (a word it never
 * uses counts in part when it uses a related one).
 */
export function knownShare(index: LoadedIndex, terms: ReadonlyMap<string, number>, related: RelatedTerms): number {
  let known = 0;
  let total = 0;
  for (const [term, weight] of terms) {
    const idf = index.lexical.idf(term);
    total += weight * idf;
    if (index.lexical.documentFrequency(term) > 0) known += weight * idf;
    else known += weight * idf * Math.max(0, ...(related.get(term)?.values() ?? []));
  }
  return total ? known / total : 0;
}

export const ABSTENTION_FORMAT = 1;

const abstentionFileSchema = z.object({
  format: z.literal(ABSTENTION_FORMAT),
  features: z.array(z.string()),
  intercept: z.number(),
  weights: z.array(z.number()),
  /** Below this probability the answer is "the archive does not answer this". */
  threshold: z.number().min(0).max(1),
  trainedOn: z.unknown().optional(),
});

export interface AbstentionModel {
  intercept: number;
  weights: readonly number[];
  threshold: number;
}

export function parseAbstentionFile(raw: unknown, source: string): AbstentionModel {
  const parsed = abstentionFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} is not an abstention model file (${parsed.error.issues[0]?.path.join('.')}): run \`npm run train\``);
  const { features, intercept, weights, threshold } = parsed.data;
  if (features.join(',') !== ABSTENTION_FEATURES.join(',') || weights.length !== features.length) {
    throw new Error(`${source} was trained on features [${features.join(', ')}], this version computes [${ABSTENTION_FEATURES.join(', ')}]: run \`npm run train\``);
  }
  return { intercept, weights, threshold };
}

let shipped: AbstentionModel | undefined;

/** The model shipped with this version (src/qa/answer/abstention.json), read once. */
export function shippedAbstention(): AbstentionModel {
  shipped ??= parseAbstentionFile(JSON.parse(readFileSync(new URL('./abstention.json', import.meta.url), 'utf8')), 'src/qa/answer/abstention.json');
  return shipped;
}

export function abstentionRow(features: AbstentionFeatures): number[] {
  return ABSTENTION_FEATURES.map((name) => features[name]);
}

/** P(the answer is right), rounded to three places as `ask --json` shows it. */
export function confidenceOf(features: AbstentionFeatures | undefined, model: AbstentionModel): number {
  if (!features) return 0;
  const row = abstentionRow(features);
  let z = model.intercept;
  for (let i = 0; i < row.length; i++) z += model.weights[i]! * row[i]!;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
