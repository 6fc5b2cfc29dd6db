import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABSTENTION_FEATURES, ABSTENTION_FORMAT, confidenceOf, knownShare, mostImportantMissing, nameMissing, parseAbstentionFile, shippedAbstention, type AbstentionFeatures } from '../../../src/qa/answer/abstention.ts';
import type { Inspection } from '../../../src/qa/answer/answerQuestion.ts';
import { replyToSmallTalk } from '../../../src/qa/question/smallTalk.ts';
import { asker, buildIndex } from '../../support/qaFixtures.ts';

const archiveArticles = [
  {
    id: 'quake',
    title: 'Earthquake shakes Tarnow',
    date: '2023-03-04',
    text: 'A magnitude 5.8 earthquake shook the town of Tarnow early on Saturday. Engineers inspected the old cathedral for cracks.',
  },
  { id: 'dam', title: 'Dam opens', date: '2023-04-10', text: 'The new Ostra dam began producing electricity for the valley on Monday. It cost 90 million euros.' },
  { id: 'vote', title: 'Council vote', date: '2023-05-22', text: 'The Tarnow council voted to rebuild the cathedral roof before winter. The vote passed nine to two.' },
  { id: 'fair', title: 'Book fair', date: '2023-06-02', text: 'The spring book fair drew record crowds to the riverside hall. Publishers sold out of maps.' },
  { id: 'results', title: 'Ostra Energy results', date: '2023-07-20', text: 'Ostra Energy said its revenue rose to 40 million euros in the second quarter. The company sold more power to the grid.' },
];
const archive = () => buildIndex(archiveArticles);

/** The question-level features ask() computed for a question. */
async function featuresOf(question: string, index = archive()): Promise<AbstentionFeatures> {
  let seen: Inspection | undefined;
  await asker(index, { abstainBelow: 0, inspect: (s) => (seen = s) })(question);
  return seen!.features!;
}

describe('abstention features', () => {
  it('constraintMissing / constraintContradicted: the article reports another year or period than the one asked', async () => {
    const asked = await featuresOf('What was the revenue of Ostra Energy in the second quarter?');
    expect(asked).toMatchObject({ constraintMissing: 0, constraintContradicted: 0 });
    const other = await featuresOf('What was the revenue of Ostra Energy in the fourth quarter?');
    expect(other).toMatchObject({ constraintMissing: 1, constraintContradicted: 1 });
    const year = await featuresOf('What was the revenue of Ostra Energy in 2019?');
    expect(year).toMatchObject({ constraintMissing: 1, constraintContradicted: 1, dateOut: 1 });
  });

  it('a year an undated article does not write counts half in a news archive, in full where no article is dated', async () => {
    const undatedOne = buildIndex(archiveArticles.map((a) => (a.id === 'results' ? { ...a, date: null } : a)));
    expect(await featuresOf('What was the revenue of Ostra Energy in 2019?', undatedOne)).toMatchObject({ constraintMissing: 0.5 });
    const noneDated = buildIndex(archiveArticles.map((a) => ({ ...a, date: null })));
    expect(await featuresOf('What was the revenue of Ostra Energy in 2019?', noneDated)).toMatchObject({ constraintMissing: 1 });
  });

  it('typedMiss / detailMiss: the quote holds no figure, or no figure of the shape asked', async () => {
    expect(await featuresOf('How much did the Ostra dam cost?')).toMatchObject({ typedMiss: 0, detailMiss: 0, asksNumber: 1 });
    expect(await featuresOf('What percentage of the vote did the council pass?')).toMatchObject({ detailMiss: 1 });
  });

  it('nameMissing, nameMissingQuoted, termMissingQuoted: names and words of the question absent from the answer', async () => {
    const f = await featuresOf('How much electricity did the Ostra dam produce for Krakow?');
    expect(f.nameMissing).toBeGreaterThan(0);
    expect(f.nameMissingQuoted).toBeGreaterThanOrEqual(f.nameMissing);
    expect(nameMissing([['krakow'], ['ostra']], new Set(['ostra']), () => 1)).toBe(0.5);
    expect(mostImportantMissing(new Map([['dam', 1], ['krakow', 1]]), new Set(['dam']), new Map(), (t) => (t === 'krakow' ? 3 : 1))).toBe(1);
    expect(mostImportantMissing(new Map([['dam', 1], ['krakow', 1]]), new Set(['dam', 'krakow']), new Map(), () => 1)).toBe(0);
  });

  it('unknownName and known: what no article mentions in any form', async () => {
    expect(await featuresOf('What did the Tarnow council vote on in Gdansk?')).toMatchObject({ unknownName: 1 });
    expect(await featuresOf('What did the Tarnow council vote on?')).toMatchObject({ unknownName: 0, known: 1 });
    const index = archive();
    expect(knownShare(index, new Map([['tarnow', 1], ['zzyzx', 1]]), new Map())).toBeGreaterThan(0);
    expect(knownShare(index, new Map([['tarnow', 1], ['zzyzx', 1]]), new Map())).toBeLessThan(1);
  });

  it('margin: another article stating the same fact corroborates, it does not compete', async () => {
    const index = buildIndex([
      { id: 'one', title: 'Port news', text: 'The port of Varna will stay closed until Friday, officials said. Ships waited offshore.' },
      { id: 'two', title: 'Port report', text: 'Officials said the port of Varna will stay closed until Friday. Traders complained.' },
      { id: 'three', title: 'Harbour works', text: 'The harbour of Burgas reopened after repairs. Cranes were replaced.' },
    ]);
    let seen: Inspection | undefined;
    const answer = await asker(index, { abstainBelow: 0, inspect: (s) => (seen = s) })('Until when will the port of Varna stay closed?');
    expect(answer.sentences[0]!.citations.length).toBe(2);
    const best = seen!.ranked[0]!;
    const burgas = seen!.ranked.find((r) => r.sentence.docId === 'three')!;
    expect(seen!.features!.margin).toBeCloseTo(Math.min(4, best.score - burgas.score), 9);
  });

  it('every feature is computed, and newsArchive says whether most articles are dated', async () => {
    const f = await featuresOf('What did the Tarnow council vote on?');
    expect(Object.keys(f).sort()).toEqual([...ABSTENTION_FEATURES].sort());
    expect(f.newsArchive).toBe(1);
    expect((await featuresOf('What did the Tarnow council vote on?', buildIndex(archiveArticles.map((a) => ({ ...a, date: null }))))).newsArchive).toBe(0);
  });
});

describe('the abstention model file', () => {
  const file = (over: Record<string, unknown> = {}) => ({ format: ABSTENTION_FORMAT, features: [...ABSTENTION_FEATURES], intercept: 0, weights: ABSTENTION_FEATURES.map(() => 0), threshold: 0.3, ...over });

  it('ships a file naming today\'s features, with a threshold in [0, 1]', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../src/qa/answer/abstention.json', import.meta.url), 'utf8'));
    expect(raw.features).toEqual([...ABSTENTION_FEATURES]);
    expect(shippedAbstention().threshold).toBeGreaterThan(0);
    expect(shippedAbstention().threshold).toBeLessThan(1);
  });

  it('refuses a file trained on other features or malformed, naming the fix', () => {
    expect(() => parseAbstentionFile(file({ features: ['score'], weights: [1] }), 'a.json')).toThrow(/a\.json was trained on features \[score\].*npm run train/);
    expect(() => parseAbstentionFile(file({ threshold: 3 }), 'a.json')).toThrow(/a\.json is not an abstention model file \(threshold\)/);
  });

  it('turns features into a probability: the intercept alone, and each weight pushing its way', () => {
    const zero = Object.fromEntries(ABSTENTION_FEATURES.map((f) => [f, 0])) as AbstentionFeatures;
    const model = parseAbstentionFile(file({ weights: ABSTENTION_FEATURES.map((f) => (f === 'constraintMissing' ? -2 : 0)) }), 'm');
    expect(confidenceOf(zero, model)).toBe(0.5);
    expect(confidenceOf({ ...zero, constraintMissing: 1 }, model)).toBe(0.119);
    expect(confidenceOf(undefined, model)).toBe(0);
  });
});

describe('ask(): abstention', () => {
  it('abstains on an off-topic question and lists the closest articles instead', async () => {
    const index = archive();
    const answer = await asker(index)('What is the best recipe for sourdough pancakes?');
    expect(answer).toMatchObject({ kind: 'abstain', abstained: true, sentences: [] });
    expect(answer.answer).not.toMatch(/\[\d+\]/);
    expect(answer.sources.length).toBe(Math.min(3, answer.retrieved.length));
    expect(answer.sources.map((s) => s.docId)).toEqual(answer.retrieved.slice(0, answer.sources.length).map((r) => r.docId));
  });

  it('answers an on-topic question by default, and is more confident than off-topic', async () => {
    const ask = asker(archive());
    const answer = await ask('What was the magnitude of the earthquake that shook Tarnow?');
    expect(answer.kind).toBe('answer');
    expect(answer.sentences[0]!.text).toContain('5.8');
    expect(answer.confidence).toBeGreaterThan((await ask('What is the best recipe for sourdough pancakes?')).confidence);
  });

  it('abstains on the right topic at another time: the quarter the article does not report', async () => {
    const ask = asker(archive());
    expect((await ask('What was the revenue of Ostra Energy in the second quarter?')).kind).toBe('answer');
    const other = await ask('What was the revenue of Ostra Energy in the fourth quarter?');
    expect(other.kind).toBe('abstain');
    expect(other.sources[0]!.docId).toBe('results');
  });

  it('declines at confidence 0 when the best article names none of the question’s parties, and says which', async () => {
    const question = 'What magnitude was the earthquake that Kowalczyk felt?';
    const unknown = await asker(archive())(question);
    expect(unknown).toMatchObject({ kind: 'abstain', confidence: 0 });
    expect(unknown.answer).toContain('It never mentions Kowalczyk.');
    // Another article names the party: the reply says the best match does not.
    const elsewhere = await asker(buildIndex([...archiveArticles, { id: 'prize', title: 'Poetry prize', date: '2023-08-01', text: 'The poet Anna Kowalczyk won the regional poetry prize.' }]))(question);
    expect(elsewhere).toMatchObject({ kind: 'abstain', confidence: 0 });
    expect(elsewhere.sources[0]!.docId).toBe('quake');
    expect(elsewhere.answer).toContain('“Earthquake shakes Tarnow” (2023-03-04), the best match, never mentions Kowalczyk.');
    // Asked with a party the article writes, the same question is answered (saying which party
    // it does not write); with abstainBelow 0, even the other.
    const partly = await asker(archive())('What magnitude was the earthquake that Kowalczyk felt in Tarnow?');
    expect(partly).toMatchObject({ kind: 'answer', note: 'The quoted article never mentions Kowalczyk.' });
    expect(partly.sentences[0]!.docId).toBe('quake');
    expect(await asker(archive(), { abstainBelow: 0 })(question)).toMatchObject({ kind: 'answer', confidence: 0 });
  });

  it('reads the parties of a question typed in lower case, its names capitalised as the archive writes them', async () => {
    let seen: Inspection | undefined;
    const ask = asker(archive(), { inspect: (s) => (seen = s) });
    const unknown = await ask('what magnitude was the earthquake that kowalczyk felt?');
    expect(unknown).toMatchObject({ kind: 'abstain', confidence: 0 });
    expect(unknown.answer).toContain('It never mentions Kowalczyk.');
    expect(await ask('what magnitude was the earthquake that shook tarnow?')).toMatchObject({ kind: 'answer' });
    expect(seen!.question.constraints.namesWritten).toEqual(['Tarnow']);
    // Chat spelling is no name: a contraction without its apostrophe, a slip of a common word.
    const contracted = await ask('so theyre saying an earthquake shook tarnow: what magnitude was it?');
    expect(contracted).toMatchObject({ kind: 'answer' });
    expect(contracted.answer).not.toContain('never mentions');
    const slipped = await ask('what magnitude was the earthquake that shok tarnow?');
    expect(slipped.answer).not.toContain('never mentions');
    expect(seen!.question.constraints.parties).toEqual(['Tarnow']);
  });

  it('does not say it never mentions a first word capitalised only for standing first', async () => {
    const answer = await asker(archive())('Got any figures on the Wroclaw flood?');
    expect(answer).toMatchObject({ kind: 'abstain' });
    expect(answer.answer).toContain('It never mentions Wroclaw.');
    expect(answer.answer).not.toContain('Got');
  });

  it('follows abstainBelow: 1 abstains even on a good answer, 0 answers even off-topic, with the same confidence', async () => {
    const good = 'What was the magnitude of the earthquake that shook Tarnow?';
    const strict = await asker(archive(), { abstainBelow: 1 })(good);
    expect(strict).toMatchObject({ kind: 'abstain', sentences: [] });
    const relaxed = await asker(archive(), { abstainBelow: 0 })(good);
    expect(relaxed.kind).toBe('answer');
    expect(relaxed.confidence).toBe(strict.confidence);
    expect((await asker(archive(), { abstainBelow: 0 })('Which cathedral did the engineers in Tarnow inspect for mould?')).kind).toBe('answer');
  });
});

describe('small talk and input that is not a question', () => {
  it.each(['hello', 'Hi there!', 'thanks!', 'bye', 'who are you?'])('"%s" gets a short reply, no sources', async (text) => {
    expect(replyToSmallTalk(text)).toBeDefined();
    const answer = await asker(archive())(text);
    expect(answer).toMatchObject({ kind: 'smalltalk', abstained: false, sources: [], sentences: [], retrieved: [] });
  });

  it.each(['', '   ', '???', '<@123456789012345678>', '🙂🙂'])('%j is invalid, with a message and nothing quoted', async (text) => {
    const answer = await asker(archive())(text);
    expect(answer).toMatchObject({ kind: 'invalid', abstained: true, sentences: [], sources: [] });
    expect(answer.answer.length).toBeGreaterThan(0);
  });

  it('abstains, quoting nothing, when the question has only stopwords', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What was it?');
    expect(answer).toMatchObject({ kind: 'abstain', sentences: [] });
  });
});
