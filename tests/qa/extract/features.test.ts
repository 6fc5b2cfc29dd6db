import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../../src/analyze/analyzeTerms.ts';
import { candidateSentences } from '../../../src/qa/extract/candidates.ts';
import { answerNearness, SENTENCE_FEATURES, sentenceFeatures, type FeaturedSentence } from '../../../src/qa/extract/features.ts';
import type { LoadedIndex } from '../../../src/store/loadedIndex.ts';
import { analyzeQuestion } from '../../../src/qa/question/analyzeQuestion.ts';
import { focusWords } from '../../../src/qa/question/answerFocus.ts';
import { questionWeights } from '../../../src/qa/retrieve/buildQuery.ts';
import { retrieveChunks } from '../../../src/qa/retrieve/retrieveChunks.ts';
import { buildIndex, type FixtureArticle } from '../../support/qaFixtures.ts';

const ARTICLES: FixtureArticle[] = [
  {
    id: 'quake',
    title: 'Earthquake shakes Tarnow',
    date: '2023-03-04',
    text: 'A magnitude 5.8 earthquake shook the town of Tarnow early on Saturday. Engineers inspected the old cathedral for cracks. Mayor Anna Kowal said 40 homes were damaged in the quake.',
  },
  {
    id: 'repairs',
    title: 'Cathedral repairs',
    date: '2023-05-20',
    text: 'Repairs to the Tarnow cathedral began in May. Engineers inspected the old cathedral for cracks again. The work will cost 2 million euros.',
  },
  { id: 'fair', title: 'Book fair', text: 'The spring book fair drew record crowds to the riverside hall. Publishers sold out of maps.' },
];

/** Every candidate's features for a question, as ask() computes them (without WordNet relatives). */
function featuresFor(question: string, index: LoadedIndex = buildIndex(ARTICLES), judgedBy: LoadedIndex = index): FeaturedSentence[] {
  const analysis = analyzeQuestion(question, new Date('2024-01-01T00:00:00Z'), index.kindOf);
  const weights = questionWeights(analysis, { dated: index.datedShare > 0.5, acronyms: index.acronyms });
  const chunks = retrieveChunks(index, weights, new Float32Array(index.embedder.dims));
  return sentenceFeatures(
    judgedBy,
    { text: question, weights, ordered: analysis.terms, answerType: analysis.answerType, answerDetail: analysis.answerDetail, focusTerms: new Set(analyzeTerms(focusWords(question).join(' '))), dates: analysis.dates },
    candidateSentences(index, chunks),
  );
}
const find = (list: FeaturedSentence[], words: string, docId?: string) => list.find((f) => f.text.includes(words) && (!docId || f.sentence.docId === docId))!;

describe('sentence features', () => {
  it('are all computed for every candidate, each about in [0, 1]', () => {
    const list = featuresFor('How many homes did the earthquake in Tarnow damage?');
    expect(list.length).toBeGreaterThan(3);
    for (const f of list) {
      expect(Object.keys(f.features).sort()).toEqual([...SENTENCE_FEATURES].sort());
      for (const [name, v] of Object.entries(f.features)) {
        expect(v, name).toBeGreaterThanOrEqual(0);
        expect(v, name).toBeLessThanOrEqual(1.0000001);
      }
    }
  });

  it('coverage, bm25: more of the question’s rare words score higher; the best candidate’s BM25 is 1', () => {
    const list = featuresFor('Which cathedral did engineers inspect for cracks in Tarnow?');
    const both = find(list, 'inspected the old cathedral', 'quake');
    const fair = find(list, 'book fair');
    expect(both.features.coverage).toBeGreaterThan(fair?.features.coverage ?? 0);
    expect(Math.max(...list.map((f) => f.features.bm25))).toBeCloseTo(1, 9);
  });

  it('window: a neighbour’s words count for the sentence beside it', () => {
    const list = featuresFor('Who said homes were damaged when engineers inspected the cathedral for cracks?');
    const mayor = find(list, 'Mayor Anna Kowal');
    expect(mayor.features.window).toBeGreaterThan(mayor.features.coverage);
  });

  it('order: the question’s words in its order', () => {
    const list = featuresFor('Where did the magnitude 5.8 earthquake strike?');
    expect(find(list, 'magnitude 5.8').features.order).toBeGreaterThan(0);
    expect(find(list, 'inspected the old cathedral', 'quake').features.order).toBe(0);
  });

  it('article: how much of the question the whole article (headline included) holds', () => {
    const list = featuresFor('What did engineers inspect after the earthquake?');
    const quake = find(list, 'inspected the old cathedral', 'quake');
    const repairs = find(list, 'inspected the old cathedral', 'repairs');
    expect(quake.features.article).toBeGreaterThan(repairs.features.article);
    expect(quake.features.article).toBeGreaterThan(quake.features.coverage);
  });

  it('typed, typedDetail, answerNear: a figure of the asked shape, beside the question’s words', () => {
    const list = featuresFor('How many homes were damaged in the quake?');
    const mayor = find(list, '40 homes');
    expect(mayor.features).toMatchObject({ typed: 1, typedDetail: 1 });
    expect(mayor.features.answerNear).toBe(1);
    const cracks = find(list, 'inspected the old cathedral', 'quake');
    expect(cracks.features.typed).toBe(0);
    expect(cracks.features.answerNear).toBe(0);
    const money = featuresFor('How much will the cathedral repairs cost?');
    expect(find(money, '2 million euros').features.typedDetail).toBe(1);
    expect(find(money, 'Repairs to the Tarnow cathedral').features.typedDetail).toBe(0);
  });

  it('offTitle: the question’s words its article’s headline does not say, so a sentence on the story’s detail beats one on its topic', () => {
    // "earthquake" and "Tarnow" are the quake article's headline; "homes" and "damaged" are not.
    const list = featuresFor('How many homes were damaged by the earthquake in Tarnow?');
    const homes = find(list, 'Mayor Anna Kowal');
    const topic = find(list, 'magnitude 5.8');
    expect(homes.features.offTitle).toBeGreaterThan(topic.features.offTitle);
    expect(topic.features.coverage).toBeGreaterThan(0);
    expect(topic.features.offTitle).toBe(0);
    // A headline that says every question word leaves nothing to measure.
    expect(featuresFor('Earthquake shakes Tarnow?').every((f) => f.sentence.docId !== 'quake' || f.features.offTitle === 0)).toBe(true);
  });

  it('inArticle: the question’s words few of its article’s sentences hold, so the story’s detail beats its repeated names', () => {
    // Every sentence of the storm report names Ida or Louisiana; one tells of homes and power.
    const storm: FixtureArticle = {
      id: 'storm',
      title: 'Weather report',
      date: '2021-08-30',
      text: 'Storm Ida hit Louisiana on Sunday. Ida flooded roads across Louisiana. The storm left 30,000 homes without power. Louisiana officials said Ida was the worst in years.',
    };
    const grid: FixtureArticle = { id: 'grid', title: 'Grid upgrade', text: 'Power cuts hit homes across the region. Homes lost power for hours.' };
    const list = featuresFor('How many homes in Louisiana lost power after Ida?', buildIndex([storm, grid]));
    const names = find(list, 'Storm Ida hit Louisiana');
    const detail = find(list, '30,000 homes');
    expect(names.features.coverage).toBeGreaterThan(detail.features.coverage);
    expect(detail.features.inArticle).toBeGreaterThan(names.features.inArticle);
  });

  it('focusNear: the kind asked for, named beside a candidate answer', () => {
    const list = featuresFor('Which mayor spoke about the damage in Tarnow?');
    expect(find(list, 'Mayor Anna Kowal').features.focusNear).toBeGreaterThan(0.5);
    expect(answerNearness([0], 'Anna spoke', new Set(['mayor']))).toBe(0);
  });

  it('are the same whatever was asked of the index before (what is kept of each sentence is question-free)', () => {
    const shared = buildIndex(ARTICLES);
    const typed = 'Which mayor said how many homes were damaged in Tarnow?';
    featuresFor('Why did engineers inspect the cathedral?', shared);
    featuresFor('When did the earthquake strike Tarnow?', shared);
    const byText = (list: FeaturedSentence[]) => new Map(list.map((f) => [`${f.sentence.docId}#${f.sentence.index}`, f.features]));
    expect(byText(featuresFor(typed, shared))).toEqual(byText(featuresFor(typed)));
  });

  it('coverage, bm25: in a large archive a word weighs by the share of chunks that hold it (the same shares, the same features)', () => {
    const index = buildIndex(ARTICLES);
    // The same archive seen as `times` copies of itself: every chunk count multiplied.
    const grown = (times: number): LoadedIndex => ({
      ...index,
      lexical: { ...index.lexical, unitCount: index.lexical.unitCount * times, documentFrequency: (t) => index.lexical.documentFrequency(t) * times },
    });
    const question = 'How many homes did the earthquake in Tarnow damage?';
    const features = (judgedBy: LoadedIndex) => featuresFor(question, index, judgedBy).map((f) => [f.features.coverage, f.features.bm25]);
    const large = features(grown(1_000));
    const larger = features(grown(1_000_000));
    expect(large.length).toBeGreaterThan(3);
    large.forEach(([coverage, bm25], i) => {
      expect(larger[i]![0]).toBeCloseTo(coverage!, 6);
      expect(larger[i]![1]).toBeCloseTo(bm25!, 6);
    });
  });

  it('dateIn and dateOut: the article’s date against a date the question names', () => {
    const list = featuresFor('What did engineers inspect in May 2023?');
    expect(find(list, 'inspected the old cathedral', 'repairs').features).toMatchObject({ dateIn: 1, dateOut: 0 });
    expect(find(list, 'inspected the old cathedral', 'quake').features).toMatchObject({ dateIn: 0, dateOut: 1 });
    const undated = featuresFor('What did engineers inspect?');
    expect(find(undated, 'inspected the old cathedral', 'quake').features).toMatchObject({ dateIn: 0, dateOut: 0 });
  });

});
