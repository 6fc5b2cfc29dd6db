import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Article, Sentence } from '../corpus/types.ts';
import { findAcronyms, type AcronymMap } from './retrieve/acronyms.ts';
import { attributeSpeakers } from './speakers.ts';
import { titlesByName, withArchiveTitles, type ArchiveTitles } from './archiveTitles.ts';
import type { Embedder } from '../embed/types.ts';
import type { IndexData, StoredChunk } from '../store/indexData.ts';
import { relatedTerms, type RelatedTerms, type RelatedTermsOptions } from '../lexicon/relatedTerms.ts';
import { isPlaceName, placeNames, placesWithin } from '../lexicon/places.ts';
import { isKindOf } from '../lexicon/kinds.ts';
import { peopleIn, personNames } from './namedPeople.ts';
import { WordNet } from '../lexicon/wordnet.ts';
import { isHeading } from './extract/extractAnswer.ts';
import { storySettingNames } from './storyPlaces.ts';
import type { StoryFacts } from './sameStory.ts';

/** An index ready for questions: the stored data plus lookups built once at load time. */
export interface LoadedIndex {
  data: IndexData;
  embedder: Embedder;
  articleById: Map<string, Article>;
  /** Chunk position (= lexical unit) by HNSW label. */
  positionByLabel: Map<number, number>;
  /** Each article's sentences in order. */
  sentencesByDoc: Map<string, Sentence[]>;
  /**
   * A sentence's analysed terms, computed on first use and kept (bounded by the corpus), so
   * repeated questions over the same articles do not re-tokenise them.
   */
  sentenceTerms(sentence: Sentence): string[];
  /** Every analysed word of an article, computed on first use and kept. */
  articleTerms(docId: string): ReadonlySet<string>;
  /** Analysed words of whom a sentence quotes or reports ("Lavrov said…"), [] when nobody; computed per article on first use. */
  sentenceSpeaker(sentence: Sentence): string[];
  /** Share of articles that carry a date (a news archive, not an encyclopaedia). */
  datedShare: number;
  /** Acronyms the articles spell out ("Shanghai Cooperation Organisation (SCO)"), both ways. */
  acronyms: AcronymMap;
  /** Words this archive uses for the question's words (WordNet relations, see lexicon/). */
  related(question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms;
  /** Whether a word names a place (WordNet); false when WordNet cannot be read. */
  isPlace(word: string): boolean;
  /** The names of the place a word names or pertains to ("Laotian" → laos…); empty when none or WordNet cannot be read. */
  placeNames(word: string): ReadonlySet<string>;
  /** Whether an article names a place inside the place a phrase names ("Gaza" for "Middle East"); false when WordNet cannot be read. */
  namesPlaceWithin(phrase: string): boolean;
  /** The names of the places inside the place a word or phrase names ("laotian" → vientiane…); empty when none or WordNet cannot be read. */
  placesWithin(phrase: string): readonly string[];
  /** The names of the places a story is set in, read from its dateline and lead (storyPlaces.ts); computed on first use and kept. */
  storySetting(docId: string): ReadonlySet<string>;
  /** When, where and who of an article's story (sameStory.ts); computed on first use and kept. */
  storyFacts(docId: string): StoryFacts;
  /** The titles each name carries across the archive, by the name's analysed word; computed on first use. */
  archiveTitles(): ReadonlyMap<string, ArchiveTitles>;
  /** Analysed words of the names the archive titles as people (namedPeople.ts); computed on first use, empty when WordNet cannot be read. */
  personNames(): ReadonlySet<string>;
  /** Why WordNet could not be read, once it failed (then `related` returns nothing). */
  lexiconProblem(): string | undefined;
}

/** One WordNet for the process: its files are read on first use and shared by every index. */
let shared: WordNet | undefined;

/**
 * `lexicon` is the WordNet to read (tests pass a broken one). If its files cannot be read,
 * questions are answered without related words rather than failing: `lexiconProblem` says why.
 */
export function prepareIndex(data: IndexData, embedder: Embedder, lexicon: WordNet = (shared ??= new WordNet())): LoadedIndex {
  const sentencesByDoc = new Map<string, Sentence[]>();
  for (const s of data.sentences) {
    let list = sentencesByDoc.get(s.docId);
    if (!list) sentencesByDoc.set(s.docId, (list = []));
    list.push(s);
  }
  for (const list of sentencesByDoc.values()) list.sort((a, b) => a.index - b.index);
  const articleById = new Map(data.articles.map((a) => [a.id, a]));
  const termCache = new Map<string, Array<string[] | undefined>>();
  const sentenceTerms = (s: Sentence): string[] => {
    let perDoc = termCache.get(s.docId);
    if (!perDoc) termCache.set(s.docId, (perDoc = []));
    let terms = perDoc[s.index];
    if (!terms) perDoc[s.index] = terms = analyzeTerms(articleById.get(s.docId)!.text.slice(s.start, s.end));
    return terms;
  };
  const articleTermCache = new Map<string, Set<string>>();
  const articleTerms = (docId: string): ReadonlySet<string> => {
    let terms = articleTermCache.get(docId);
    if (!terms) articleTermCache.set(docId, (terms = new Set((sentencesByDoc.get(docId) ?? []).flatMap(sentenceTerms))));
    return terms;
  };
  const speakerCache = new Map<string, string[][]>();
  const sentenceSpeaker = (s: Sentence): string[] => {
    let perDoc = speakerCache.get(s.docId);
    if (!perDoc) {
      const text = articleById.get(s.docId)!.text;
      const titles = archiveTitlesOnce();
      perDoc = attributeSpeakers((sentencesByDoc.get(s.docId) ?? []).map((x) => text.slice(x.start, x.end))).map((speaker) => withArchiveTitles(speaker, titles));
      speakerCache.set(s.docId, perDoc);
    }
    return perDoc[s.index] ?? [];
  };
  let archiveTitles: Map<string, ArchiveTitles> | undefined;
  const archiveTitlesOnce = () => (archiveTitles ??= titlesByName(archiveSentences()));
  function* archiveSentences(): Generator<string> {
    for (const [docId, sentences] of sentencesByDoc) {
      const text = articleById.get(docId)!.text;
      for (const s of sentences) yield text.slice(s.start, s.end);
    }
  }
  const { lexical } = data;
  let lexiconProblem: string | undefined;
  // WordNet is read lazily: once a read fails, every lookup answers "cannot tell" and the
  // problem is kept to report, instead of failing each question.
  const guarded =
    <A extends unknown[], R>(lookup: (...args: A) => R, cannotTell: () => R) =>
    (...args: A): R => {
      if (lexiconProblem) return cannotTell();
      try {
        return lookup(...args);
      } catch (error) {
        lexiconProblem = error instanceof Error ? error.message : String(error);
        return cannotTell();
      }
    };
  const related = guarded(
    (question: string, options?: Partial<RelatedTermsOptions>): RelatedTerms =>
      relatedTerms(lexicon, question, (t) => lexical.documentFrequency(t) > 0, (t) => lexical.idf(t), options),
    (): RelatedTerms => new Map(),
  );
  const isPlace = guarded((word: string) => isPlaceName(lexicon, word), () => false);
  const placeNamesOf = guarded((word: string): ReadonlySet<string> => placeNames(lexicon, word), () => new Set<string>());
  const namesPlaceWithin = guarded(
    (phrase: string) =>
      placesWithin(lexicon, phrase).some((name) => {
        const terms = analyzeTerms(name);
        return terms.length > 0 && terms.every((t) => lexical.documentFrequency(t) > 0);
      }),
    () => false,
  );
  const placesWithinOf = guarded((phrase: string): readonly string[] => placesWithin(lexicon, phrase), (): readonly string[] => []);
  // A person by their role ("minister", "spokesperson"), not by where they are from: WordNet
  // files "Tamil" and "Lao" under inhabitant, but "Russian" and "Filipino" only under person, so
  // a word standing for a place ("Russian" → Russia) is no role either.
  const isPersonWord = guarded(
    (word: string) => isKindOf(lexicon, word, 'person') && !isKindOf(lexicon, word, 'inhabitant') && placeNames(lexicon, word).size === 0,
    () => false,
  );
  const isCommonNoun = guarded((word: string) => lexicon.senses(word, 'n').length > 0 && !isKindOf(lexicon, word, 'person'), () => true);
  let people: ReadonlySet<string> | undefined;
  const personNamesOnce = () => (people ??= personNames(archiveTitlesOnce(), { isPersonWord, isCommonNoun }));
  /** An article's first sentence that is not a heading: news opens with who, what, where and when. */
  const leadOf = (docId: string): string => {
    const text = articleById.get(docId)?.text ?? '';
    return (sentencesByDoc.get(docId) ?? []).map((s) => text.slice(s.start, s.end)).find((t) => !isHeading(t)) ?? '';
  };
  const settingCache = new Map<string, ReadonlySet<string>>();
  const storySetting = (docId: string): ReadonlySet<string> => {
    let names = settingCache.get(docId);
    if (!names) {
      const dateline = articleById.get(docId)?.dateline ?? null;
      names = storySettingNames({ dateline, lead: leadOf(docId) }, { placeNames: placeNamesOf, placesWithin: placesWithinOf });
      settingCache.set(docId, names);
    }
    return names;
  };
  const storyCache = new Map<string, StoryFacts>();
  const storyFacts = (docId: string): StoryFacts => {
    let facts = storyCache.get(docId);
    if (!facts) {
      const article = articleById.get(docId);
      const people = peopleIn(`${article?.title ?? ''}\n${leadOf(docId)}`, personNamesOnce());
      facts = { date: article?.date ?? null, setting: storySetting(docId), people };
      storyCache.set(docId, facts);
    }
    return facts;
  };
  return {
    related,
    namesPlaceWithin,
    placesWithin: placesWithinOf,
    storySetting,
    storyFacts,
    isPlace,
    placeNames: placeNamesOf,
    archiveTitles: archiveTitlesOnce,
    personNames: personNamesOnce,
    lexiconProblem: () => lexiconProblem,
    sentenceTerms,
    sentenceSpeaker,
    articleTerms,
    acronyms: findAcronyms(data.articles.map((a) => a.text)),
    datedShare: data.articles.length ? data.articles.filter((a) => a.date).length / data.articles.length : 0,
    data,
    embedder,
    articleById,
    positionByLabel: new Map(data.chunks.map((c: StoredChunk, i) => [c.label, i])),
    sentencesByDoc,
  };
}
