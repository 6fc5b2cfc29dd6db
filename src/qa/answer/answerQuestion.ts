import { analyzeTerms } from '../../analyze/analyzeTerms.ts';
import { DEFAULT_RELATED_OPTIONS, type RelatedTerms, type RelatedTermsOptions } from '../../lexicon/relatedTerms.ts';
import { countTerms } from '../../store/lexicalIndex.ts';
import { expandAcronyms } from '../retrieve/acronyms.ts';
import { countsTheAskedThing } from '../extract/answerCues.ts';
import { analyzeQuestion, type AnswerType } from '../question/analyzeQuestion.ts';
import { citeSentences, statesSameFact, toSource } from './cite.ts';
import { cleanQuestion, hasSearchableText } from '../question/cleanQuestion.ts';
import { confidenceFeatures, confidenceOf, DEFAULT_ABSTAIN_BELOW, NEWS_ABSTAIN_BELOW, type ConfidenceFeatures, type ConfidenceModel } from './confidence.ts';
import { isFollowUp, type ConversationMemory } from '../question/conversationMemory.ts';
import { asksWhatHappened, speaksOfItAsAhead } from '../eventAhead.ts';
import { neighboursOf, pickSentences, scoreSentences, sentenceKey, type ExtractOptions, type ScoredSentence } from '../extract/extractAnswer.ts';
import type { LoadedIndex } from '../loadedIndex.ts';
import { sameStory } from '../sameStory.ts';
import { askedKindNouns, kindNaming } from '../namedKind.ts';
import { askedOwnerWords, namesOnlyOthers } from '../whosePerson.ts';
import { askedTopic, speaksOfTopic } from '../askedTopic.ts';
import { dateAffinity, missesQuestionDates, withinBounds } from '../question/questionDates.ts';
import { rankArticles, retrieveChunks, type RetrieveOptions } from '../retrieve/retrieveChunks.ts';
import { replyToSmallTalk } from '../question/smallTalk.ts';
import { askedSettings, setInAskedPlace } from '../storyPlaces.ts';
import type { Answer, AskOptions } from '../types.ts';

/** Tunables of the whole answer path, with one defaults constant each (see the modules). */
export interface AnswerSettings {
  retrieve?: Partial<RetrieveOptions>;
  extract?: Partial<ExtractOptions>;
  abstainBelow?: number;
  confidence?: ConfidenceModel;
  /** Instrumentation for calibration (scripts/calibrate.ts): the features behind each confidence. */
  inspect?: (features: ConfidenceFeatures) => void;
  /** Reference date for relative dates ("last December"). @default now */
  now?: () => Date;
  /** Options for the words standing in for the question's (WordNet), or false to use none. */
  related?: Partial<RelatedTermsOptions & { retrievalWeight: number }> | false;
}

/** Share of dated articles above which the archive is news (dates, reported speech), not an encyclopaedia. */
const NEWS_ARCHIVE_DATED = 0.5;
/** Multipliers for the soft preferences. */
const DATE_MATCH_BOOST = 1.25;
/** An article set in the place the question sets its scene in (storyPlaces.ts): as much as its date. */
const PLACE_MATCH_BOOST = 1.25;
/**
 * An article outside a dated range the question names ("in May 2023") is mostly not what is
 * asked about: narrowed hard, but not filtered, since articles recall older events.
 */
const DATE_MISS_PENALTY = 0.5;
/** A month or day without a year ("on July 3") recurs every year: a lighter penalty. */
const YEARLESS_MISS_PENALTY = 0.8;
const CONVERSATION_BOOST = 1.5;
const CLOSEST_ARTICLES = 3;
/** Weight of the previous turn's terms in a follow-up (the question's own words weigh 1). */
const FOLLOW_UP_WEIGHT = 0.4;
/** Weight of the other spelling of an acronym the question uses ("SCO" ↔ its three words). */
const ACRONYM_WEIGHT = 0.5;
/** Weight of the words of a date the question names, when articles carry dates. */
const DATE_WORD_WEIGHT = 0.2;
/** Weight of a word naming the answer's kind ("what year") or one set aside ("besides oil"). */
const SIDE_WORD_WEIGHT = 0.5;
/**
 * Share of a question word's weight that the words standing in for it ("meeting" for
 * "encounter") carry in retrieval, split among them: a word with many relatives lends each little.
 */
const RELATED_RETRIEVAL_WEIGHT = 0.5;

/** A related word this close (a synonym or derived form, not a broader or narrower thing) is the same name. */
const SAME_NAME_CREDIT = DEFAULT_RELATED_OPTIONS.close;

/** Keys in the order of shared/eval-format.md, so `ask --json` reads like the spec. */
function shaped(a: Answer): Answer {
  const { question, kind, abstained, confidence, answer, sentences, sources, retrieved, timingsMs } = a;
  return { question, kind, abstained, confidence, answer, sentences, sources, retrieved, timingsMs };
}

/**
 * The one `ask()` behind every face: clean the text, answer small talk, resolve a follow-up
 * against the conversation, retrieve, extract 1–2 sentences, cite them, and abstain (naming
 * the closest articles) when confidence is low. Never throws for any input text.
 */
export async function answerQuestion(
  index: LoadedIndex,
  memory: ConversationMemory,
  rawQuestion: string,
  options: AskOptions = {},
  settings: AnswerSettings = {},
): Promise<Answer> {
  const t0 = performance.now();
  const { text, truncated } = cleanQuestion(typeof rawQuestion === 'string' ? rawQuestion : '');
  const base = { question: text, confidence: 0, sentences: [], sources: [], retrieved: [] };
  const timings = (retrieveMs = 0, answerMs = 0) => ({ retrieve: ms(retrieveMs), answer: ms(answerMs), total: ms(performance.now() - t0) });

  if (!hasSearchableText(text)) {
    return shaped({ ...base, kind: 'invalid', abstained: true, answer: 'Please ask a question in words, e.g. "Who signed the agreement, and when?"', timingsMs: timings() });
  }
  const smallTalk = replyToSmallTalk(text);
  if (smallTalk) return shaped({ ...base, kind: 'smalltalk', abstained: false, confidence: 1, answer: smallTalk, timingsMs: timings() });

  const question = analyzeQuestion(text, settings.now?.());
  const history = options.conversationId ? memory.recent(options.conversationId) : [];
  const previous = history.at(-1);
  const followUp = previous !== undefined && isFollowUp(text, question.terms);
  const terms = countTerms(question.terms);
  // In a dated archive, "in May 2023" is mostly a question about *when articles were written*
  // (handled by the date boost below); as words it still counts, but less.
  if (question.dates.length > 0 && index.datedShare > NEWS_ARCHIVE_DATED) {
    for (const range of question.dates) for (const t of analyzeTerms(range.text)) if (terms.has(t)) terms.set(t, DATE_WORD_WEIGHT);
  }
  // "In what *year*…", "Besides *oil*, …": words that say what the answer is not about.
  for (const t of [...question.kindTerms, ...question.asideTerms]) if (terms.has(t)) terms.set(t, Math.min(terms.get(t)!, SIDE_WORD_WEIGHT));
  expandAcronyms(question.terms, terms, index.acronyms, ACRONYM_WEIGHT);
  if (followUp) for (const t of previous.terms) if (!terms.has(t)) terms.set(t, FOLLOW_UP_WEIGHT);
  const focusDocs = new Set(followUp ? previous.docIds : []);
  const dates = followUp && question.dates.length === 0 ? (previous.dates ?? []) : question.dates;

  if (terms.size === 0) {
    return shaped({ ...base, kind: 'abstain', abstained: true, answer: 'I could not find anything to look up in that question: try naming who or what it is about.', timingsMs: timings() });
  }

  const related: RelatedTerms = settings.related === false ? new Map() : index.related(text, settings.related);
  const queryTerms = withRelated(terms, related, settings.related ? settings.related.retrievalWeight : undefined);

  const t1 = performance.now();
  const [queryVector] = await index.embedder.embed([followUp ? `${text} ${previous.question}` : text]);
  const acceptDoc =
    options.since || options.until ? (docId: string) => withinBounds(index.articleById.get(docId)?.date ?? null, options.since, options.until) : undefined;
  const missPenalty = dates.some((d) => !d.yearless) ? DATE_MISS_PENALTY : YEARLESS_MISS_PENALTY;
  // Where the story is set, named as the question sets its scene ("the Goa talks", "in the
  // Russian capital"). A follow-up needs no more: it already prefers the articles it follows.
  const places = askedSettings(text, index);
  const docBoost = (docId: string) => {
    const affinity = dateAffinity(index.articleById.get(docId)?.date ?? null, dates);
    const dateFactor = affinity === undefined ? 1 : affinity === 1 ? DATE_MATCH_BOOST : missPenalty;
    const placeFactor = places.length > 0 && setInAskedPlace(index.storySetting(docId), places) ? PLACE_MATCH_BOOST : 1;
    return dateFactor * placeFactor * (focusDocs.has(docId) ? CONVERSATION_BOOST : 1);
  };
  const chunks = retrieveChunks(index, queryTerms, queryVector!, { ...settings.retrieve, acceptDoc, docBoost });
  const retrieved = rankArticles(chunks, 10);
  const t2 = performance.now();

  // "Russia's foreign minister" is not India's: a place that owns the speaker says which one.
  const speaker = question.speaker && [...question.speaker.owners.filter(index.isPlace).flatMap((w) => analyzeTerms(w)), ...question.speaker.terms];
  const scored = scoreSentences(index, { text, weights: terms, ordered: question.terms, answerType: question.answerType, related, speaker }, chunks, settings.extract, docBoost);
  const idf = (t: string) => index.data.lexical.idf(t);
  const picked = pickSentences(scored, settings.extract, question.answerType, new Set(followUp ? (previous.quoted ?? []) : []));
  const quotedTexts = picked.map((p) => p.text);
  const archiveKnows = {
    news: index.datedShare > NEWS_ARCHIVE_DATED,
    share: knownShare(index, terms, related),
    unknownName: namesUnknown(index, text, related, settings.related !== false),
    asksSpeaker: question.speaker?.words === true,
    eventAhead: !!picked[0] && asksWhatHappened(question.text) && speaksOfItAsAhead(picked[0].text, new Set(question.terms)),
    countsAsked: question.answerType === 'number' && picked.some((p) => countsTheAskedThing(p.text, question.text)),
    unnamedKind:
      leavesKindUnnamed(question.text, question.answerType, quotedTexts, question.terms) || namesAnotherPlacesPerson(index, question.text, question.answerType, quotedTexts),
    topicMiss: picked.length > 0 && !speaksOfTopic(askedTopic(question.text), wordsAround(index, picked), related),
    dateMiss: !!picked[0] && missesQuestionDates(index.articleById.get(picked[0].sentence.docId)?.date ?? null, quotedTexts.join(' '), dates),
  };
  const features =
    scored[0] &&
    confidenceFeatures(
      scored[0],
      // The margin is over the best *rival* answer: another article stating the same fact
      // corroborates it (news repeats itself), it does not compete with it; nor does another
      // report of the same event, whose best sentence may be another part of the same story.
      scored.find(
        (s) =>
          s.sentence.docId !== scored[0]!.sentence.docId &&
          !statesSameFact(scored[0]!, s, idf) &&
          !sameStory(index.storyFacts(scored[0]!.sentence.docId), index.storyFacts(s.sentence.docId)),
      ),
      question.answerType,
      archiveKnows,
      picked,
    );
  if (features) settings.inspect?.(features);
  const confidence = confidenceOf(features, settings.confidence);
  const abstainBelow = settings.abstainBelow ?? (archiveKnows.news ? NEWS_ABSTAIN_BELOW : DEFAULT_ABSTAIN_BELOW);

  if (!scored[0] || confidence < abstainBelow) {
    const closest = retrieved.slice(0, CLOSEST_ARTICLES).map((r, i) => toSource(index.articleById.get(r.docId)!, i + 1));
    const bounds = options.since || options.until ? ` between ${options.since ?? 'the beginning'} and ${options.until ?? 'now'}` : '';
    const answer =
      closest.length > 0
        ? `The archive does not answer this${bounds}. The closest articles are listed below.`
        : `The archive has nothing on this${bounds}.`;
    return shaped({ ...base, kind: 'abstain', abstained: true, confidence, answer, sources: closest, retrieved, timingsMs: timings(t2 - t1, performance.now() - t2) });
  }

  const cited = citeSentences(index, picked, scored);
  if (options.conversationId) {
    memory.add(options.conversationId, {
      question: text,
      terms: [...terms.keys()],
      docIds: [...new Set(cited.sentences.map((s) => s.docId))],
      quoted: picked.map((p) => sentenceKey(p.sentence)),
      dates,
    });
  }
  const note = truncated ? ' (Your question was long; I read its first part.)' : '';
  return shaped({
    question: text,
    kind: 'answer',
    abstained: false,
    confidence,
    answer: cited.answer + note,
    sentences: cited.sentences,
    sources: cited.sources,
    retrieved,
    timingsMs: timings(t2 - t1, performance.now() - t2),
  });
}

/** The query for retrieval: the question's terms, plus the words standing in for them. */
function withRelated(terms: ReadonlyMap<string, number>, related: RelatedTerms, share = RELATED_RETRIEVAL_WEIGHT): Map<string, number> {
  const out = new Map(terms);
  for (const [slot, relatives] of related) {
    const weight = terms.get(slot);
    if (weight === undefined || relatives.size === 0) continue;
    const each = (weight * share) / Math.sqrt(relatives.size);
    for (const [term, credit] of relatives) out.set(term, Math.max(out.get(term) ?? 0, each * credit));
  }
  return out;
}

/**
 * Share of the question's weighted words that occur anywhere in the archive (a word it never
 * uses counts in part when it uses a related one). Words the archive has never seen weigh as
 * much as its rarest word (they would be, if they were there).
 */
function knownShare(index: LoadedIndex, terms: ReadonlyMap<string, number>, related: RelatedTerms): number {
  let known = 0;
  let total = 0;
  for (const [term, weight] of terms) {
    const idf = index.data.lexical.idf(term);
    total += weight * idf;
    if (index.data.lexical.documentFrequency(term) > 0) known += weight * idf;
    else known += weight * idf * Math.max(0, ...(related.get(term)?.values() ?? []));
  }
  return total ? known / total : 0;
}

/**
 * 1 when the question names something (a capitalised word past its first) that no article
 * mentions in any form: "…when they met in Beijing?" of an archive that never says Beijing.
 * Another form of the name counts ("Laotian" of an archive that says Laos), and so does a place
 * inside the one named, unless `byPlacesWithin` is off: an archive that says Gaza knows the
 * Middle East. A broader place does not: an archive that says China does not know Beijing.
 */
function namesUnknown(index: LoadedIndex, question: string, related: RelatedTerms, byPlacesWithin: boolean): number {
  const names = question.match(/(?<=\s)[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)*/gu) ?? [];
  const unknown = (t: string) => index.data.lexical.documentFrequency(t) === 0 && !(Math.max(0, ...(related.get(t)?.values() ?? [])) >= SAME_NAME_CREDIT);
  return names.some((name) => analyzeTerms(name).some(unknown) && !(byPlacesWithin && index.namesPlaceWithin(name.replace(/['’]s$/, '')))) ? 1 : 0;
}

/** The question asks which thing of a kind, and the answer speaks of one without naming it. */
function leavesKindUnnamed(question: string, answerType: AnswerType, quoted: string[], questionTerms: string[]): boolean {
  // Only where the answer is a proper name: "Which element…" is answered by "oxygen".
  const proper = answerType === 'name' || answerType === 'place' || answerType === 'person' || /\bname of\b/i.test(question);
  const kind = proper ? askedKindNouns(question) : [];
  if (kind.length === 0) return false;
  const terms = new Set(questionTerms);
  const naming = quoted.map((text) => kindNaming(text, kind, terms));
  // The first sentence is the answer; a second that speaks of the kind in passing ("the state
  // known for its beaches") does not undo a name the first gave without the kind's word.
  return naming[0] === 'unnamed' && !naming.includes('named');
}

/**
 * The analysed words of the quoted sentences and the ones beside them: a quote may name its
 * topic a sentence earlier ("…Indians in the war zone. Pressed for their safe return.").
 */
function wordsAround(index: LoadedIndex, quoted: readonly ScoredSentence[]): Set<string> {
  return new Set(quoted.flatMap((q) => [q.sentence, ...neighboursOf(index, q.sentence)]).flatMap(index.sentenceTerms));
}

/** "Who is China's foreign minister?" answered by naming only Russia's: the asked person is left unnamed. */
function namesAnotherPlacesPerson(index: LoadedIndex, question: string, answerType: AnswerType, quoted: string[]): boolean {
  if (answerType !== 'person') return false;
  const asked = new Set(askedOwnerWords(question).flatMap((w) => [...index.placeNames(w)]));
  return asked.size > 0 && namesOnlyOthers(quoted, asked, { titles: index.archiveTitles(), placeNames: index.placeNames });
}

const ms = (x: number) => Math.round(x * 100) / 100;
