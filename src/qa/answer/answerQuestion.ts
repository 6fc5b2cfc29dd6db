import { analyzeTerms } from '../../analyze/analyzeTerms.ts';
import type { RelatedTerms, RelatedTermsOptions } from '../../lexicon/relatedTerms.ts';
import { focusWords } from '../question/answerFocus.ts';
import { candidateSentences, DEFAULT_CHUNK_DEPTH, sentenceKey } from '../extract/candidates.ts';
import { sentenceFeatures } from '../extract/features.ts';
import { pickSentences } from '../extract/pickSentences.ts';
import { rankSentences, reorderBestArticle, shippedRanker, type RankedSentence, type RankerModel } from '../extract/ranker.ts';
import { isNewsArchive, type LoadedIndex } from '../../store/loadedIndex.ts';
import { analyzeQuestion, type QuestionAnalysis } from '../question/analyzeQuestion.ts';
import { cleanQuestion, hasSearchableText } from '../question/cleanQuestion.ts';
import { correctSpelling, describeCorrections } from '../question/correctSpelling.ts';
import { restoreApostrophes } from '../question/restoreApostrophes.ts';
import { withoutName } from '../question/constraints.ts';
import { positionalCapital, restoreCase } from '../question/restoreCase.ts';
import { isFollowUp, type ConversationMemory } from '../question/conversationMemory.ts';
import { dateAffinity, withinBounds } from '../question/questionDates.ts';
import { asksForLatest } from '../question/asksForLatest.ts';
import { englishOnlyMessage, foreignScript } from '../question/questionScript.ts';
import { replyToSmallTalk } from '../question/smallTalk.ts';
import { DEFAULT_QUERY_WEIGHTS, questionWeights, withRelated, type QueryWeights } from '../retrieve/buildQuery.ts';
import { rankArticles, retrieveChunks, type RetrieveOptions } from '../retrieve/retrieveChunks.ts';
import { archiveCasing } from '../retrieve/archiveCasing.ts';
import { archiveSpelling } from '../retrieve/archiveSpelling.ts';
import type { Answer, AskOptions } from '../types.ts';
import { abstentionFeatures, archiveKnows, confidenceOf, shippedAbstention, tellsAnotherStory, type AbstentionFeatures, type AbstentionModel } from './abstention.ts';
import { citeSentences, toSource } from './cite.ts';
import { caveatForParties, caveatForQuote, explainAbstention } from './explainMissing.ts';

/** Tunables of the whole answer path, each with its defaults in its own module. */
export interface AnswerSettings {
  retrieve?: Partial<RetrieveOptions>;
  query?: Partial<QueryWeights>;
  /** Chunks whose sentences are candidates. @default 12 */
  chunkDepth?: number;
  /** The sentence ranker (default: the shipped weights file). */
  ranker?: RankerModel;
  /** The abstention model (default: the shipped model file). */
  abstention?: AbstentionModel;
  /** Overrides the abstention model's threshold (ABSTAIN_BELOW). */
  abstainBelow?: number;
  /** What training and calibration read (scripts/train.ts): every candidate with its features, and the question-level features. */
  inspect?: (seen: Inspection) => void;
  /** Reference date for relative dates ("last December"). @default now */
  now?: () => Date;
  /** Options for the words standing in for the question's (WordNet), or false to use none. */
  related?: Partial<RelatedTermsOptions> | false;
}

export interface Inspection {
  question: QuestionAnalysis;
  ranked: readonly RankedSentence[];
  quoted: readonly RankedSentence[];
  features: AbstentionFeatures | undefined;
  confidence: number;
}

/**
 * Soft date preferences in retrieval, so the candidates come from the time asked about: an
 * article inside a date the question names ×1.25, outside ×0.5 (a month or day without a
 * year recurs every year: ×0.8), not filtered, since articles recall older events. The
 * sentence ranker then weighs the same agreement with its learned `dateIn` / `dateOut`.
 */
const DATE_MATCH_BOOST = 1.25;
const DATE_MISS_PENALTY = 0.5;
const YEARLESS_MISS_PENALTY = 0.8;
/** A follow-up prefers the articles of the answer it follows. */
const CONVERSATION_BOOST = 1.5;
const CLOSEST_ARTICLES = 3;
/** Articles listed for "what's new?". */
const LATEST_ARTICLES = 5;

/**
 * What the text is: a question to answer, or a claim to find support for ("Find sources" on a
 * message): a claim is never small talk or a follow-up, and what the archive lacks is said as
 * "nothing supports this".
 */
export type AskMode = 'question' | 'claim';

/** Keys in the order of the eval format, so `ask --json` reads like the spec. */
function shaped(a: Answer): Answer {
  const { question, kind, abstained, confidence, answer, note, sentences, sources, retrieved, timingsMs } = a;
  return { question, kind, abstained, confidence, answer, ...(note ? { note } : {}), sentences, sources, retrieved, timingsMs };
}

/**
 * The one `ask()` behind every face: clean the text, answer small talk, resolve a follow-up
 * against the conversation, retrieve, rank the candidate sentences, quote 1–2 of them with
 * citations, and abstain (naming the closest articles) when the answer is unlikely to be
 * right. Never throws for any input text.
 */
export async function answerQuestion(
  index: LoadedIndex,
  memory: ConversationMemory,
  rawQuestion: string,
  options: AskOptions = {},
  settings: AnswerSettings = {},
  mode: AskMode = 'question',
): Promise<Answer> {
  const t0 = performance.now();
  const { text, truncated } = cleanQuestion(typeof rawQuestion === 'string' ? rawQuestion : '');
  const base = { question: text, confidence: 0, sentences: [], sources: [], retrieved: [] };
  const timings = (retrieveMs = 0, answerMs = 0) => ({ retrieve: ms(retrieveMs), answer: ms(answerMs), total: ms(performance.now() - t0) });

  if (!hasSearchableText(text)) {
    return shaped({ ...base, kind: 'invalid', abstained: true, answer: 'Please ask a question in words, e.g. "Who signed the agreement, and when?"', timingsMs: timings() });
  }
  const script = foreignScript(text);
  if (script) return shaped({ ...base, kind: 'invalid', abstained: true, answer: englishOnlyMessage(script), timingsMs: timings() });
  const smallTalk = mode === 'question' ? replyToSmallTalk(text) : undefined;
  if (smallTalk) return shaped({ ...base, kind: 'smalltalk', abstained: false, confidence: 1, answer: smallTalk, timingsMs: timings() });
  if (mode === 'question' && asksForLatest(text)) {
    const newest = index.newestArticles(LATEST_ARTICLES, (date) => withinBounds(date, options.since, options.until));
    const answer = newest.length > 0 ? 'The newest articles in the archive:' : 'The archive has no dated articles in that time.';
    return shaped({ ...base, kind: 'latest', abstained: false, confidence: 1, answer, sources: newest.map((a, i) => toSource(a, i + 1)), timingsMs: timings() });
  }

  // A slip in a name ("Jaishanker") is read as the archive's spelling; the reply says so.
  // Contractions typed without their apostrophe ("didnt") are function words, not slips.
  const spelt = correctSpelling(restoreApostrophes(text), archiveSpelling(index));
  // A question typed all in lower case gets its names' capitals back from the archive.
  const casing = archiveCasing(index);
  const asked = restoreCase(spelt.text, casing);
  const readAs = describeCorrections(spelt.corrections);
  const question = analyzeQuestion(asked, settings.now?.(), index.kindOf, index.isWord);
  const history = options.conversationId && mode === 'question' ? memory.recent(options.conversationId) : [];
  const last = history.at(-1);
  const previous = last !== undefined && isFollowUp(asked, question.terms) ? last : undefined;
  const dated = isNewsArchive(index);
  const terms = questionWeights(question, { dated, acronyms: index.acronyms, previous }, { ...DEFAULT_QUERY_WEIGHTS, ...settings.query });
  if (terms.size === 0) {
    return shaped({ ...base, kind: 'abstain', abstained: true, answer: 'I could not find anything to look up in that question: try naming who or what it is about.', timingsMs: timings() });
  }
  const focusDocs = new Set(previous?.docIds ?? []);
  const dates = previous && question.dates.length === 0 ? (previous.dates ?? []) : question.dates;
  const related: RelatedTerms = settings.related === false ? new Map() : index.related(asked, settings.related);
  const queryTerms = withRelated(terms, related, settings.query?.related, settings.query?.relatedLimit);

  const t1 = performance.now();
  const [queryVector] = await index.embedder.embed([previous ? `${asked} ${previous.question}` : asked]);
  const acceptDoc = options.since || options.until ? (docId: string) => withinBounds(index.meta(docId)?.date ?? null, options.since, options.until) : undefined;
  const missPenalty = dates.some((d) => !d.yearless) ? DATE_MISS_PENALTY : YEARLESS_MISS_PENALTY;
  const docBoost = (docId: string) => {
    const affinity = dateAffinity(index.meta(docId)?.date ?? null, dates);
    const dateFactor = affinity === undefined ? 1 : affinity === 1 ? DATE_MATCH_BOOST : missPenalty;
    return dateFactor * (focusDocs.has(docId) ? CONVERSATION_BOOST : 1);
  };
  const chunks = retrieveChunks(index, queryTerms, queryVector!, { ...settings.retrieve, acceptDoc, docBoost });
  const retrieved = rankArticles(chunks, 10);
  const t2 = performance.now();

  const candidates = candidateSentences(index, chunks, settings.chunkDepth ?? DEFAULT_CHUNK_DEPTH);
  const featured = sentenceFeatures(index, { text: asked, weights: terms, ordered: question.terms, related, answerType: question.answerType, answerDetail: question.answerDetail, focusTerms: new Set(analyzeTerms(focusWords(asked).join(' '))), dates }, candidates);
  const ranker = settings.ranker ?? shippedRanker();
  // The first stage chooses the article and is what the confidence reads; the second orders
  // that article's sentences for the quote.
  const judgedRanked = rankSentences(featured, ranker);
  const ranked = ranker.withinArticle ? reorderBestArticle(judgedRanked, ranker.withinArticle) : judgedRanked;
  // Judged once per article: the second sentence's choice asks it of the first's again and again.
  const storyJudged = new Map<string, boolean>();
  const anotherStory = (s: RankedSentence | undefined): boolean => {
    if (!s) return false;
    let judged = storyJudged.get(s.sentence.docId);
    if (judged === undefined) storyJudged.set(s.sentence.docId, (judged = tellsAnotherStory(index, question.constraints, s)));
    return judged;
  };
  const alreadyQuoted = new Set(previous?.quoted ?? []);
  const quoted = pickSentences(ranked, ranker.secondRatio, question.answerType, alreadyQuoted, anotherStory);
  // Whether the archive answers is judged on the first stage's own pick: a quote chosen for
  // holding the question's words would make an unanswerable question look answered.
  const judgedQuoted = ranked === judgedRanked ? quoted : pickSentences(judgedRanked, ranker.secondRatio, question.answerType, alreadyQuoted, anotherStory);
  const features = abstentionFeatures(index, { question: { ...question, dates, weights: terms }, ranked: judgedRanked, quoted: judgedQuoted, related });
  const abstention = settings.abstention ?? shippedAbstention();
  // An article that names none of the question's parties tells another story: nothing in it answers.
  const confidence = anotherStory(ranked[0]) ? 0 : confidenceOf(features, abstention);
  settings.inspect?.({ question, ranked, quoted, features, confidence });
  const abstainBelow = settings.abstainBelow ?? abstention.threshold;

  if (quoted.length === 0 || confidence < abstainBelow) {
    // The article the reason speaks of ("…, the best match, does not report…") is listed first.
    const bestDoc = ranked[0]?.sentence.docId;
    const closestDocs = [...new Set([...(bestDoc ? [bestDoc] : []), ...retrieved.map((r) => r.docId)])].slice(0, CLOSEST_ARTICLES);
    const closest = closestDocs.map((docId, i) => toSource(index.meta(docId)!, i + 1));
    const bounds = options.since || options.until ? ` between ${options.since ?? 'the beginning'} and ${options.until ?? 'now'}` : '';
    const bestArticle = bestDoc ? index.article(bestDoc) : undefined;
    const named = withoutName(question.constraints, positionalCapital(asked, casing));
    const why = explainAbstention(named, bestArticle, archiveKnows(index, related), dated);
    const listedBelow = `${why ? ` ${why}` : ''} The closest articles are listed below.`;
    const answer =
      mode === 'claim'
        ? closest.length > 0
          ? `Nothing in the archive supports this${bounds}.${listedBelow}`
          : `The archive has nothing on this${bounds}.`
        : closest.length > 0
          ? `The archive does not answer this${bounds}.${listedBelow}`
          : `The archive has nothing on this${bounds}.`;
    return shaped({ ...base, kind: 'abstain', abstained: true, confidence, answer: answer + (readAs ? ` (${readAs})` : ''), sources: closest, retrieved, timingsMs: timings(t2 - t1, performance.now() - t2) });
  }

  const cited = citeSentences(index, quoted, ranked);
  if (options.conversationId && mode === 'question') {
    memory.add(options.conversationId, {
      question: asked,
      terms: [...terms.keys()],
      docIds: [...new Set(cited.sentences.map((s) => s.docId))],
      quoted: quoted.map((p) => sentenceKey(p.sentence)),
      dates,
    });
  }
  const quotedArticle = index.article(quoted[0]!.sentence.docId);
  const quotedArticles = [...new Set(quoted.map((q) => q.sentence.docId))].flatMap((docId) => index.article(docId) ?? []);
  const notes = [
    truncated ? 'Your question was long; I read its first part.' : '',
    readAs,
    quotedArticle ? caveatForQuote(question.constraints, quotedArticle, dated) : '',
    caveatForParties(question.constraints, quotedArticles),
  ].filter((n) => n !== '');
  return shaped({
    question: text,
    kind: 'answer',
    abstained: false,
    confidence,
    answer: cited.answer + notes.map((n) => ` (${n})`).join(''),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    sentences: cited.sentences,
    sources: cited.sources,
    retrieved,
    timingsMs: timings(t2 - t1, performance.now() - t2),
  });
}

const ms = (x: number) => Math.round(x * 100) / 100;
