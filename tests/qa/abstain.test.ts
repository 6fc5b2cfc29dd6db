import { describe, expect, it } from 'vitest';
import {
  confidenceFeatures,
  confidenceOf,
  DEFAULT_ABSTAIN_BELOW,
  DEFAULT_CONFIDENCE_MODEL,
  NEWS_ABSTAIN_BELOW,
  NEWS_CUE_STRENGTH,
  type ConfidenceFeatures,
  type ConfidenceModel,
} from '../../src/qa/answer/confidence.ts';
import type { ScoredSentence, SentenceFeatures } from '../../src/qa/extract/extractAnswer.ts';
import { replyToSmallTalk } from '../../src/qa/question/smallTalk.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

/** A middling answer: every feature halfway, no typed answer asked for. */
const MID: ConfidenceFeatures = { coverage: 0.5, window: 0.5, context: 0.5, semantic: 0.5, typedMatch: 0, typedMiss: 0, preciseMiss: 0, dateMiss: 0, margin: 0.5, known: 0.5, unknownName: 0, speakerMiss: 0, unnamedKind: 0, topicMiss: 0, eventAhead: 0, countMatch: 0 };
const steps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
/** The archive knows every word of the question. */
const ARCHIVE = { share: 1, unknownName: 0, dateMiss: false };

describe('confidenceOf', () => {
  it('rises with coverage', () => {
    const values = steps.map((coverage) => confidenceOf({ ...MID, coverage }));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.at(-1)!).toBeGreaterThan(values[0]!);
  });

  it('rises with the margin over the best other article', () => {
    const values = steps.map((margin) => confidenceOf({ ...MID, margin }));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.at(-1)!).toBeGreaterThan(values[0]!);
  });

  it('is lower when the question names something no article mentions', () => {
    expect(confidenceOf({ ...MID, unknownName: 1 })).toBeLessThan(confidenceOf(MID));
  });

  it('penalises a missing date or number more than a missing name', () => {
    expect(confidenceOf({ ...MID, preciseMiss: 1 })).toBeLessThan(confidenceOf({ ...MID, typedMiss: 1 }));
    expect(confidenceOf({ ...MID, preciseMiss: 1 })).toBeLessThan(confidenceOf(MID));
  });

  it('is lower when the answer does not reach the year the question names', () => {
    expect(confidenceOf({ ...MID, dateMiss: 1 })).toBeLessThan(confidenceOf(MID));
  });

  it('penalises a sentence lacking the answer type the question asks for', () => {
    expect(confidenceOf({ ...MID, typedMiss: 1 })).toBeLessThan(confidenceOf({ ...MID, typedMatch: 1 }));
    expect(confidenceOf({ ...MID, typedMiss: 1 })).toBeLessThan(confidenceOf(MID));
  });

  it('stays in [0, 1], and is 0 without a candidate', () => {
    const keys = Object.keys(MID) as Array<keyof ConfidenceFeatures>;
    const all = (v: number) => Object.fromEntries(keys.map((k) => [k, v])) as unknown as ConfidenceFeatures;
    for (const f of [all(0), all(1), MID, { ...all(1), typedMiss: 0 }, { ...all(0), typedMiss: 1 }]) {
      const c = confidenceOf(f);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(confidenceOf(undefined)).toBe(0);
  });
});

describe('confidenceFeatures', () => {
  const sentence = (score: number, typed: number, docId = 'a'): ScoredSentence => ({
    sentence: { docId, index: 0, start: 0, end: 1 },
    text: 'x',
    terms: [],
    score,
    ownScore: score,
    semantic: 0.4,
    features: { coverage: 0.8, order: 0, proximity: 0, context: 1, window: 0.9, typed, restates: 0, lead: 1, speaker: 0, article: 0, otherPerson: 0 } satisfies SentenceFeatures,
  });

  it('marks a typed match or miss only when the question asks for a type', () => {
    expect(confidenceFeatures(sentence(1, 1), undefined, 'date', ARCHIVE)).toMatchObject({ typedMatch: 1, typedMiss: 0 });
    expect(confidenceFeatures(sentence(1, 0), undefined, 'number', ARCHIVE)).toMatchObject({ typedMatch: 0, typedMiss: 0, preciseMiss: 1 });
    expect(confidenceFeatures(sentence(1, 0), undefined, 'person', ARCHIVE)).toMatchObject({ typedMatch: 0, typedMiss: 1, preciseMiss: 0 });
    expect(confidenceFeatures(sentence(1, 0), undefined, 'other', ARCHIVE)).toMatchObject({ typedMatch: 0, typedMiss: 0 });
  });

  it('counts a missing name or place as a precise miss in a news archive, where people and places are named', () => {
    const news = { ...ARCHIVE, news: true };
    for (const type of ['person', 'place', 'name'] as const) {
      expect(confidenceFeatures(sentence(1.2, 0), sentence(0.5, 0, 'b'), type, news)).toMatchObject({ typedMiss: 0, preciseMiss: 1, margin: 0 });
      expect(confidenceFeatures(sentence(1.2, 0), sentence(0.5, 0, 'b'), type, ARCHIVE)).toMatchObject({ typedMiss: 1, preciseMiss: 0 });
      expect(confidenceFeatures(sentence(1.2, 1), sentence(0.5, 0, 'b'), type, news)).toMatchObject({ typedMatch: 1, preciseMiss: 0 });
    }
    expect(confidenceFeatures(sentence(1.2, 0), undefined, 'other', news)).toMatchObject({ typedMiss: 0, preciseMiss: 0 });
  });

  it('checks the answer type on what is quoted: a second sentence holding the date clears the miss', () => {
    const best = sentence(1, 0);
    const dated = sentence(0.8, 1);
    expect(confidenceFeatures(best, undefined, 'date', ARCHIVE, [best])).toMatchObject({ preciseMiss: 1, typedMatch: 0 });
    expect(confidenceFeatures(best, undefined, 'date', ARCHIVE, [dated, best])).toMatchObject({ preciseMiss: 0, typedMatch: 1 });
    expect(confidenceFeatures(best, undefined, 'person', ARCHIVE, [best, dated])).toMatchObject({ typedMiss: 0, typedMatch: 1 });
  });

  it('counts no margin when a date or number is asked for and not quoted: the article is found, not the fact', () => {
    expect(confidenceFeatures(sentence(1.2, 0), sentence(0.5, 0, 'b'), 'number', ARCHIVE).margin).toBe(0);
    expect(confidenceFeatures(sentence(1.2, 1), sentence(0.5, 0, 'b'), 'number', ARCHIVE).margin).toBeCloseTo(0.7, 6);
    expect(confidenceFeatures(sentence(1.2, 0), sentence(0.5, 0, 'b'), 'person', ARCHIVE).margin).toBeCloseTo(0.7, 6);
  });

  it('passes the date miss through, and then counts no margin: the topic is found, not that time', () => {
    expect(confidenceFeatures(sentence(1, 1), undefined, 'other', { ...ARCHIVE, dateMiss: true })).toMatchObject({ dateMiss: 1, margin: 0 });
    expect(confidenceFeatures(sentence(1, 1), undefined, 'other', ARCHIVE)).toMatchObject({ dateMiss: 0, margin: 1 });
  });

  it('counts the news cues at full strength in a news archive: a plain, well-covered answer with one abstains', () => {
    // Well covered and far ahead of any rival: answered, unless a news cue says it is the wrong fact.
    const strong = sentence(1.5, 1);
    for (const cue of ['dateMiss', 'asksSpeaker', 'unnamedKind', 'topicMiss', 'eventAhead'] as const) {
      const raised = { ...ARCHIVE, dateMiss: false, [cue]: true };
      const key = cue === 'asksSpeaker' ? 'speakerMiss' : cue;
      const plain = confidenceFeatures(strong, undefined, 'person', raised, [strong]);
      const news = confidenceFeatures(strong, undefined, 'person', { ...raised, news: true }, [strong]);
      expect(plain[key]).toBe(1);
      expect(news[key]).toBe(NEWS_CUE_STRENGTH);
      expect(confidenceOf({ ...plain, margin: 1 })).toBeGreaterThanOrEqual(DEFAULT_ABSTAIN_BELOW);
      expect(confidenceOf({ ...news, margin: 1 })).toBeLessThan(DEFAULT_ABSTAIN_BELOW);
    }
    expect(confidenceFeatures(strong, undefined, 'person', { ...ARCHIVE, news: true }, [strong])).toMatchObject({ dateMiss: 0, speakerMiss: 0, unnamedKind: 0, topicMiss: 0, eventAhead: 0 });
  });

  it('counts no margin for an event the answer speaks of as still ahead', () => {
    expect(confidenceFeatures(sentence(1.2, 0), sentence(0.5, 0, 'b'), 'other', { ...ARCHIVE, eventAhead: true })).toMatchObject({ eventAhead: 1, margin: 0 });
  });

  it('takes the margin on what the sentences earn themselves, not on their article’s coverage', () => {
    // Ahead by 0.5 only through the article-wide feature, behind by 0.2 on its own.
    const best = { ...sentence(2, 0), ownScore: 1 };
    const rival = { ...sentence(1.5, 0, 'b'), ownScore: 1.2 };
    expect(confidenceFeatures(best, rival, 'other', ARCHIVE).margin).toBe(0);
  });

  it('takes the margin over the runner-up, clipped to [0, 1]', () => {
    expect(confidenceFeatures(sentence(1.2, 0), sentence(0.9, 0, 'b'), 'other', ARCHIVE).margin).toBeCloseTo(0.3, 6);
    expect(confidenceFeatures(sentence(3, 0), sentence(0.5, 0, 'b'), 'other', ARCHIVE).margin).toBe(1);
    expect(confidenceFeatures(sentence(0.5, 0), sentence(0.9, 0, 'b'), 'other', ARCHIVE).margin).toBe(0);
  });
});

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
];
const archive = () => buildIndex(archiveArticles);

describe('ask(): the threshold by kind of archive', () => {
  it('answers a confidence between the news and the general threshold in a news archive only', async () => {
    // Every feature weighs 0: the confidence is the intercept's, halfway between the thresholds.
    const between = (NEWS_ABSTAIN_BELOW + DEFAULT_ABSTAIN_BELOW) / 2;
    const flat = Object.fromEntries(Object.keys(DEFAULT_CONFIDENCE_MODEL).map((k) => [k, 0])) as unknown as ConfidenceModel;
    const confidence = { ...flat, intercept: Math.log(between / (1 - between)) };
    const question = 'What was the magnitude of the earthquake that shook Tarnow?';
    const news = await asker(archive(), { confidence })(question);
    expect(news.kind).toBe('answer');
    const undated = buildIndex(archiveArticles.map((a) => ({ ...a, date: null })));
    expect((await asker(undated, { confidence })(question)).kind).toBe('abstain');
    // A threshold set by the user holds in both.
    expect((await asker(archive(), { confidence, abstainBelow: DEFAULT_ABSTAIN_BELOW })(question)).kind).toBe('abstain');
  });
});

describe('ask(): abstention', () => {
  it('abstains on an off-topic question and lists the closest articles instead', async () => {
    const index = archive();
    const answer = await asker(index)('What is the best recipe for sourdough pancakes?');
    expect(answer.kind).toBe('abstain');
    expect(answer.abstained).toBe(true);
    expect(answer.sentences).toEqual([]);
    expect(answer.answer).not.toMatch(/\[\d+\]/);
    expect(answer.retrieved.length).toBeGreaterThanOrEqual(1);
    expect(answer.sources.length).toBe(Math.min(3, answer.retrieved.length));
    expect(answer.sources.map((s) => s.n)).toEqual(answer.sources.map((_, i) => i + 1));
    // The closest articles are the best retrieved ones, in order.
    expect(answer.sources.map((s) => s.docId)).toEqual(answer.retrieved.slice(0, answer.sources.length).map((r) => r.docId));
    for (const s of answer.sources) expect(index.articleById.has(s.docId)).toBe(true);
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThan(1);
  });

  it('answers an on-topic question by default', async () => {
    const answer = await asker(archive())('What was the magnitude of the earthquake that shook Tarnow?');
    expect(answer.kind).toBe('answer');
    expect(answer.abstained).toBe(false);
    expect(answer.sentences[0]!.docId).toBe('quake');
    expect(answer.sentences[0]!.text).toContain('5.8');
  });

  it('follows abstainBelow: 1 abstains even on a good answer, 0 answers even off-topic', async () => {
    const good = 'What was the magnitude of the earthquake that shook Tarnow?';
    const strict = await asker(archive(), { abstainBelow: 1 })(good);
    expect(strict.kind).toBe('abstain');
    expect(strict.abstained).toBe(true);
    expect(strict.sentences).toEqual([]);
    expect(strict.sources.map((s) => s.docId)).toContain('quake');
    expect(strict.sources.length).toBeLessThanOrEqual(3);

    const lax = await asker(archive(), { abstainBelow: 0 })('Which cathedral did the engineers in Tarnow inspect for mould?');
    expect(lax.kind).toBe('answer');
    expect(lax.sentences.length).toBeGreaterThanOrEqual(1);

    // The same question, the same confidence: only the threshold changed the outcome.
    const relaxed = await asker(archive(), { abstainBelow: 0 })(good);
    expect(relaxed.kind).toBe('answer');
    expect(relaxed.confidence).toBe(strict.confidence);
  });

  it('is more confident where the archive answers than where it does not', async () => {
    const ask = asker(archive(), { abstainBelow: 0 });
    const onTopic = await ask('What was the magnitude of the earthquake that shook Tarnow?');
    const offTopic = await ask('What is the best recipe for sourdough pancakes?');
    expect(onTopic.confidence).toBeGreaterThan(offTopic.confidence);
  });
});

describe('ask(): a count the archive does not give', () => {
  const mine = () =>
    buildIndex([
      { id: 'rescue', title: 'Miners rescued', date: '2023-03-05', text: 'Rescuers pulled miners from the flooded shaft near Tarnow on Sunday. Relatives waited at the gate.' },
      { id: 'reopen', title: 'Mine reopens', date: '2023-04-12', text: 'The Tarnow mine reopened after the spring floods. Pumps ran for weeks.' },
      { id: 'fair', title: 'Book fair', date: '2023-06-02', text: 'The spring book fair drew record crowds to the riverside hall.' },
    ]);

  it('abstains on "how many" when every word matches but no sentence gives a number', async () => {
    let seen: ConfidenceFeatures | undefined;
    const answer = await asker(mine(), { inspect: (f) => (seen = f) })('How many miners were pulled from the flooded shaft near Tarnow?');
    expect(seen).toMatchObject({ coverage: 1, preciseMiss: 1, margin: 0 });
    expect(answer.kind).toBe('abstain');
    expect(answer.sources[0]!.docId).toBe('rescue');
  });
});

describe('ask(): a count of the very thing asked about', () => {
  it('marks the answer that counts what "how many" asks ("six times"), and it raises confidence', async () => {
    const archive = buildIndex([
      { id: 'talks', title: 'Ministers meet', date: '2023-12-27', text: 'The two ministers held talks in Moscow on Wednesday. This year we have already met six times, the minister said.' },
      { id: 'trade', title: 'Trade grows', date: '2023-11-02', text: 'Trade between the two countries grew 12 percent this year.' },
    ]);
    let seen: ConfidenceFeatures | undefined;
    const answer = await asker(archive, { abstainBelow: 0, inspect: (f) => (seen = f) })('How many times had the ministers met this year?');
    expect(answer.answer).toContain('six times');
    expect(seen!.countMatch).toBe(1);
    expect(confidenceOf(seen!)).toBeGreaterThan(confidenceOf({ ...seen!, countMatch: 0 }));
    await asker(archive, { abstainBelow: 0, inspect: (f) => (seen = f) })('How many percent did trade between the two countries grow?');
    expect(seen!.countMatch).toBe(1);
    await asker(archive, { abstainBelow: 0, inspect: (f) => (seen = f) })('How much did trade between the two countries grow?');
    expect(seen!.countMatch).toBe(0);
  });
});

describe('ask(): a year the archive does not reach', () => {
  const features = async (question: string) => {
    let seen: ConfidenceFeatures | undefined;
    const answer = await asker(archive(), { inspect: (f) => (seen = f) })(question);
    return { answer, seen: seen! };
  };

  it('abstains when the question names a year no answering article is from or mentions', async () => {
    const { answer, seen } = await features('How strong was the earthquake that shook Tarnow in 2019?');
    // The fixture's articles are dated: a news archive, where the cue counts at full strength.
    expect(seen.dateMiss).toBe(NEWS_CUE_STRENGTH);
    expect(answer.kind).toBe('abstain');
    expect(answer.sources.map((s) => s.docId)).toContain('quake');
  });

  it('answers when the article is from that time, or the quoted text names the year', async () => {
    const dated = await features('How strong was the earthquake that shook Tarnow in March 2023?');
    expect(dated.seen.dateMiss).toBe(0);
    expect(dated.answer.sentences[0]!.text).toContain('5.8');
    const recalled = buildIndex([
      { id: 'flood', title: 'Flood anniversary', date: '2024-05-01', text: 'The river flooded the old town of Tarnow in 2019. Shops reopened within a month.' },
    ]);
    let seen: ConfidenceFeatures | undefined;
    await asker(recalled, { inspect: (f) => (seen = f) })('What flooded the old town of Tarnow in 2019?');
    expect(seen!.dateMiss).toBe(0);
  });

  it('does not judge dates that depend on when the question is asked, or recur every year', async () => {
    expect((await features('How strong was the earthquake that shook Tarnow last March?')).seen.dateMiss).toBe(0);
    expect((await features('How strong was the earthquake that shook Tarnow on March 4?')).seen.dateMiss).toBe(0);
  });
});

describe('small talk', () => {
  it.each(['hello', 'Hi there!', 'thanks!', 'Thank you so much', 'bye', 'who are you?'])('"%s" gets a short reply, no sources', async (text) => {
    expect(replyToSmallTalk(text)).toBeDefined();
    const answer = await asker(archive())(text);
    expect(answer.kind).toBe('smalltalk');
    expect(answer.abstained).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.sentences).toEqual([]);
    expect(answer.retrieved).toEqual([]);
    expect(answer.answer).not.toMatch(/\[\d+\]/);
  });

  it.each(['Hello, who rebuilt the cathedral roof in Tarnow?', 'Thanks to what did the dam open?', 'What did the council vote on?'])(
    '"%s" is a question, not small talk',
    (text) => {
      expect(replyToSmallTalk(text)).toBeUndefined();
    },
  );
});

describe('ask(): input that is not a question', () => {
  it.each(['', '   ', '???', '<@123456789012345678>', '🙂🙂'])('%j is invalid, with a message and nothing quoted', async (text) => {
    const answer = await asker(archive())(text);
    expect(answer.kind).toBe('invalid');
    expect(answer.abstained).toBe(true);
    expect(answer.sentences).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.answer.length).toBeGreaterThan(0);
  });

  it('abstains, quoting nothing, when the question has only stopwords', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What was it?');
    expect(answer.kind).toBe('abstain');
    expect(answer.sentences).toEqual([]);
  });
});

describe('ask(): corroboration is not competition', () => {
  it('measures the margin over the best rival answer, not over another article saying the same', async () => {
    const index = buildIndex([
      { id: 'one', title: 'Port news', text: 'The port of Varna will stay closed until Friday, officials said. Ships waited offshore.' },
      { id: 'two', title: 'Port report', text: 'Officials said the port of Varna will stay closed until Friday. Traders complained.' },
      { id: 'three', title: 'Harbour works', text: 'The harbour of Burgas reopened after repairs. Cranes were replaced.' },
    ]);
    let margin = -1;
    const answer = await asker(index, { abstainBelow: 0, inspect: (f) => (margin = f.margin) })('Until when will the port of Varna stay closed?');
    // Both articles are cited for the fact, and the margin is taken over the Burgas sentence.
    expect(answer.sentences[0]!.citations.length).toBe(2);
    expect(margin).toBeGreaterThan(0.3);
  });
});
