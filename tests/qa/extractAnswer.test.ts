import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { answerTypeOf } from '../../src/qa/question/analyzeQuestion.ts';
import { countsTheAskedThing, hasAnswerCue } from '../../src/qa/extract/answerCues.ts';
import { isPlaceName } from '../../src/lexicon/places.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { DEFAULT_EXTRACT_OPTIONS, isHeading, overlap, pickSentences, scoreSentences, type ScoredSentence, type SentenceFeatures } from '../../src/qa/extract/extractAnswer.ts';
import { retrieveChunks } from '../../src/qa/retrieve/retrieveChunks.ts';
import { countTerms } from '../../src/store/lexicalIndex.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('answerTypeOf', () => {
  it.each([
    ['When did the bridge open?', 'date'],
    ['What year was the treaty signed?', 'date'],
    ['How many people were evacuated?', 'number'],
    ['How much did the stadium cost?', 'number'],
    ['Who signed the accord?', 'person'],
    ['Where did the ministers meet?', 'place'],
    ['Which team won the cup final?', 'name'],
    ['Which company bought the port?', 'name'],
    ['Why did the talks fail?', 'other'],
    // a quantity asked for by name
    ['What is the total value of bilateral trade in 2023?', 'number'],
    ['What was the population of the city?', 'number'],
    ['What is the name of the resort?', 'other'],
    // "when" joining clauses asks for nothing; the first question phrase decides
    ['What happens when the dam overflows?', 'other'],
    ['When rock folds deep underground, what does it form?', 'other'],
    ['How many seconds were left when the Broncos intercepted the pass?', 'number'],
    ['Who was the leader when the Franks entered the valley?', 'person'],
    ['Prior to the final, when were the Broncos last there?', 'date'],
    ['The rocks have been in place since when?', 'date'],
    ['When, exactly, did the ministers meet?', 'date'],
    ["When's the next summit?", 'date'],
    ['And when?', 'date'],
    ['How long ago did oxygen reach the air?', 'date'],
  ] as const)('"%s" asks for a %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('hasAnswerCue', () => {
  it('date: a date the question does not name counts; one it already names does not', () => {
    expect(hasAnswerCue('date', 'The bridge opened on 12 March 2021 after years of delay.', 'When did the bridge open?')).toBe(true);
    expect(hasAnswerCue('date', 'The bridge opened to traffic after years of delay.', 'When did the bridge open?')).toBe(false);
    expect(hasAnswerCue('date', 'The bridge opened in May 2023.', 'When in May 2023 did the bridge open?')).toBe(false);
    expect(hasAnswerCue('date', 'The bridge opened in May 2023 and closed in June.', 'When in May 2023 did the bridge open?')).toBe(true);
  });

  it('number: a figure (digits or words) the question does not say', () => {
    expect(hasAnswerCue('number', 'The flood destroyed 340 homes in the valley.', 'How many homes did the flood destroy?')).toBe(true);
    expect(hasAnswerCue('number', 'The flood destroyed twelve homes in the valley.', 'How many homes did the flood destroy?')).toBe(true);
    expect(hasAnswerCue('number', 'The flood destroyed homes in the valley.', 'How many homes did the flood destroy?')).toBe(false);
    expect(hasAnswerCue('number', 'The flood destroyed 340 homes in the valley.', 'Did the flood destroy 340 homes?')).toBe(false);
  });

  it('number: a number word must count the thing asked about; a figure in digits always counts', () => {
    const asked = 'How many Indian nationals are in the war zone?';
    expect(hasAnswerCue('number', 'The two leaders discussed Indian nationals in the war zone.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'About forty Indian nationals are in the war zone.', asked)).toBe(true);
    expect(hasAnswerCue('number', 'Officials counted 35 of them near the front.', asked)).toBe(true);
    expect(hasAnswerCue('number', 'This year we have already met six times.', 'How many times had they met?')).toBe(true);
  });

  it('countsTheAskedThing: a number right before the very thing "how many" asks about', () => {
    const times = 'How many times had they met that year?';
    expect(countsTheAskedThing('This year we have already met six times.', times)).toBe(true);
    expect(countsTheAskedThing('They met 7 times in all.', times)).toBe(true);
    // A figure, but of something else, or inside a date: a cue for the answer type, not this.
    expect(countsTheAskedThing('They signed 12 agreements in Moscow.', times)).toBe(false);
    expect(countsTheAskedThing('They met on July 3 and again in 2024.', times)).toBe(false);
    expect(countsTheAskedThing('Jaishankar is on a five-day visit to Russia.', 'How many days did the minister spend in Russia?')).toBe(true);
    expect(countsTheAskedThing('The two ministers met six times.', 'When did they meet?')).toBe(false);
  });

  it('date: decades, early years after a preposition, centuries, spans of time ago', () => {
    const when = 'When did the Normans arrive?';
    expect(hasAnswerCue('date', 'The Normans arrived in the 1050s.', when)).toBe(true);
    expect(hasAnswerCue('date', 'The duchy began in 911 as a fiefdom.', when)).toBe(true);
    expect(hasAnswerCue('date', 'It is a 13th-century glass beaker.', when)).toBe(true);
    expect(hasAnswerCue('date', 'Oxygen began to outgas 3 billion years ago.', when)).toBe(true);
    expect(hasAnswerCue('date', 'The Normans arrived with 911 knights and horses.', when)).toBe(false);
  });

  it('number: a date or a name with digits is not a figure; a figure counting the thing asked about is', () => {
    const asked = 'How many Indian nationals are in the war zone?';
    expect(hasAnswerCue('number', 'He met Lavrov on July 3 about Indian nationals in the war zone.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'He is in Vientiane from July 25-28 to discuss Indian nationals.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'They discussed BRICS, the G20 and Indian nationals.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'The dinner was attended by 2000 guests.', 'How many guests attended the dinner?')).toBe(true);
    expect(hasAnswerCue('number', 'At standard pressure, two atoms bind to form dioxygen.', 'How many atoms combine to form dioxygen?')).toBe(true);
    expect(hasAnswerCue('number', 'They also won the cup twice.', 'How many times has Polonia won the cup?')).toBe(true);
  });

  it('number: "how long" and "how much" take any figure, "how long" a date too', () => {
    expect(hasAnswerCue('number', 'He was on a five-day visit to Russia.', 'How long was his visit to Russia?')).toBe(true);
    expect(hasAnswerCue('number', 'The station has served the hospitals since 1951.', 'How long has the station served the hospitals?')).toBe(true);
    expect(hasAnswerCue('number', 'The station opened on Thursday in May.', 'How long has the station served the hospitals?')).toBe(false);
    expect(hasAnswerCue('number', 'He had about one hour and a half for that.', 'How much time did he have for a suntan?')).toBe(true);
    expect(hasAnswerCue('number', 'He had some time for that.', 'How much time did he have for a suntan?')).toBe(false);
  });

  it('number: "how long" takes a number word only with a unit of time or length after it', () => {
    const question = 'How long did the visit to Moscow last?';
    expect(hasAnswerCue('number', 'Several key agreements were signed during the visit.', question)).toBe(false);
    expect(hasAnswerCue('number', 'He had one hour and a half for rest.', question)).toBe(true);
    expect(hasAnswerCue('number', 'Families kept French names well into the nineteenth century.', question)).toBe(true);
    expect(hasAnswerCue('number', 'There was a week-long event at the centre.', question)).toBe(true);
    expect(hasAnswerCue('number', 'A day after the attack, he arrived.', question)).toBe(false);
    expect(hasAnswerCue('number', 'He went to Moscow in 2024 and again on Friday.', question)).toBe(false);
  });

  it('number: "how long" takes a date that bounds a span, the bound a few words before it', () => {
    const question = 'How long has the imagery been used?';
    expect(hasAnswerCue('number', 'This imagery has been in use since at least the mid-14th century.', question)).toBe(true);
    expect(hasAnswerCue('number', 'The imagery will be in use by 2030.', question)).toBe(true);
    expect(hasAnswerCue('number', 'The imagery was first used in 2030.', question)).toBe(false);
  });

  it('person: a capitalised name the question does not say (not the sentence-initial word)', () => {
    expect(hasAnswerCue('person', 'The accord was signed by Maria Okafor on behalf of the council.', 'Who signed the accord?')).toBe(true);
    expect(hasAnswerCue('person', 'Officials signed the accord on behalf of the council.', 'Who signed the accord?')).toBe(false);
    expect(hasAnswerCue('person', 'The accord was signed by Maria Okafor.', 'Who did Maria Okafor sign with?')).toBe(false);
  });

  it('person: a place named by two capitalised words is no person, when WordNet can tell', () => {
    const wordnet = new WordNet();
    const isPlace = (name: string) => isPlaceName(wordnet, name);
    const question = 'Who led the delegation?';
    const city = 'Later, New Delhi said the delegation would not sign.';
    expect(hasAnswerCue('person', city, question)).toBe(true);
    expect(hasAnswerCue('person', city, question, isPlace)).toBe(false);
    // Place by place ("Laos' Vientiane") is a place too; a person beside a place still counts.
    expect(hasAnswerCue('person', 'The talks were held in Laos\' Vientiane on Friday.', question, isPlace)).toBe(false);
    expect(hasAnswerCue('person', 'In New Delhi, the delegation was led by Maria Okafor.', question, isPlace)).toBe(true);
  });

  it('place: "in <Place>" counts, but "in December" is a date, not a place', () => {
    expect(hasAnswerCue('place', 'The ministers met in Geneva to sign it.', 'Where did the ministers meet?')).toBe(true);
    expect(hasAnswerCue('place', 'The ministers met in December to sign it.', 'Where did the ministers meet?')).toBe(false);
    expect(hasAnswerCue('place', 'The ministers met in Geneva in December.', 'Where in Geneva did the ministers meet?')).toBe(false);
  });

  // The month/weekday exclusion must not swallow places that merely start like one
  // (Mar-seille, Mon-treal, Sun-derland, Dec-atur).
  it('place: a place whose name starts like a month or weekday still counts', () => {
    for (const place of ['Montreal', 'Marseille', 'Maryland', 'Mongolia', 'Sunderland', 'Decatur']) {
      expect(hasAnswerCue('place', `The ministers met in ${place} to sign it.`, 'Where did the ministers meet?'), place).toBe(true);
    }
  });

  it('other: never a cue', () => {
    expect(hasAnswerCue('other', 'The ministers met in Geneva on 3 May 2021 with 40 delegates.', 'Why did they meet?')).toBe(false);
  });
});

describe('isHeading', () => {
  it('treats a short line without closing punctuation as a heading', () => {
    expect(isHeading('Jaishankar, Lavrov Review India-Russia Ties')).toBe(true);
    expect(isHeading('Flood Waters Recede')).toBe(true);
  });

  it('treats a sentence as a sentence', () => {
    expect(isHeading('The flood waters receded on Monday.')).toBe(false);
    expect(isHeading('Did the flood waters recede?')).toBe(false);
    expect(isHeading('“The waters are going down,” the mayor said.”')).toBe(false);
  });

  it('treats a long line as a sentence even without a full stop', () => {
    expect(isHeading('The flood waters that had covered the lower town for nine days finally receded on Monday morning leaving mud across every street')).toBe(false);
  });
});

/** A ScoredSentence by hand, for pickSentences (which only reads score, terms and `typed`). */
function scored(docId: string, index: number, text: string, score: number, typed = 0): ScoredSentence {
  const features = { typed } as SentenceFeatures;
  return { sentence: { docId, index, start: 0, end: text.length }, text, terms: analyzeTerms(text), score, ownScore: score, features, semantic: 0 };
}

describe('pickSentences', () => {
  it('picks nothing from nothing', () => {
    expect(pickSentences([])).toEqual([]);
  });

  it('returns at most two sentences, the best first', () => {
    const list = [
      scored('a', 0, 'The dam burst after three days of rain.', 1),
      scored('b', 0, 'Rescue boats reached the stranded villagers by noon.', 0.99),
      scored('c', 0, 'Schools across the district stayed closed for a week.', 0.98),
    ];
    const picked = pickSentences(list);
    expect(picked.length).toBeGreaterThanOrEqual(1);
    expect(picked.length).toBeLessThanOrEqual(2);
    expect(picked[0]).toBe(list[0]);
    expect(picked).toEqual([list[0], list[1]]);
  });

  it('never quotes two near-duplicates, however close their scores', () => {
    const first = scored('a', 0, 'The dam burst after three days of heavy rain.', 1);
    const dup = scored('b', 3, 'After three days of heavy rain, the dam burst.', 0.999);
    const picked = pickSentences([first, dup]);
    expect(picked).toEqual([first]);
    // With a distinct sentence after the duplicate, that one is the second.
    const other = scored('c', 1, 'Rescue boats reached the stranded villagers by noon.', 0.99);
    expect(pickSentences([first, dup, other])).toEqual([first, other]);
  });

  it('quotes the second first only when it alone holds the date or number asked for', () => {
    const first = scored('a', 0, 'Lavrov met Jaishankar in Moscow for wide-ranging talks.', 1, 0);
    const second = scored('b', 0, 'The talks were held on December 27 at the foreign ministry.', 0.9, 1);
    expect(pickSentences([first, second], {}, 'date')).toEqual([second, first]);
    expect(pickSentences([first, second], {}, 'number')).toEqual([second, first]);
    // A name is not as telling: "About whom…?" is often answered without a full name.
    expect(pickSentences([first, second], {}, 'person')).toEqual([first, second]);
    expect(pickSentences([first, second])).toEqual([first, second]);
  });

  it('does not add, as the second, a sentence the previous turn already quoted', () => {
    const first = scored('a', 2, 'They also discussed trade and energy.', 1);
    const repeat = scored('a', 0, 'Lavrov met Jaishankar in Goa on Thursday.', 0.9);
    const fresh = scored('a', 3, 'Both sides praised the new shipping route.', 0.8);
    expect(pickSentences([first, repeat, fresh], {}, 'other', new Set(['a#0']))).toEqual([first, fresh]);
    expect(pickSentences([first, repeat, fresh])).toEqual([first, repeat]);
    // The first may repeat: it is the best answer to the follow-up.
    expect(pickSentences([repeat, first], {}, 'other', new Set(['a#0']))).toEqual([repeat, first]);
    // For a date or a figure, the sentences that named the event are the answer to "When was
    // that?", and another sentence would bring another date.
    const dated = scored('a', 0, 'Lavrov met Jaishankar in Goa on 4 May 2023.', 0.9, 1);
    expect(pickSentences([first, dated, fresh], {}, 'date', new Set(['a#0']))).toEqual([dated, first]);
    expect(pickSentences([first, repeat, fresh], {}, 'date', new Set(['a#0']))).toEqual([first, repeat]);
  });

  it('does not add a second sentence that scores far below the first', () => {
    const first = scored('a', 0, 'The dam burst after three days of rain.', 1);
    expect(pickSentences([first, scored('b', 0, 'Rescue boats reached the stranded villagers by noon.', 0.01)])).toEqual([first]);
  });
});

describe('overlap', () => {
  it('is the share of the smaller set found in the other', () => {
    expect(overlap(['dam', 'burst'], ['dam', 'burst', 'rain'])).toBe(1);
    expect(overlap(['dam', 'rain'], ['dam', 'burst', 'boat', 'noon'])).toBe(0.5);
    expect(overlap(['dam'], ['boat'])).toBe(0);
    expect(overlap([], ['boat'])).toBe(0);
  });
});

describe('scoreSentences', () => {
  const index = () =>
    buildIndex([
      {
        id: 'storm',
        title: 'Storm report',
        text: 'Heavy rain fell across the region on Monday. The harbour authority closed the Kelvor lighthouse after the storm cracked its lantern. Officials said the region would recover.',
      },
      { id: 'weather', title: 'Weather notes', text: 'Rain fell across the region again on Tuesday. The region expects more rain next week.' },
    ]);

  it('ranks a sentence holding the question’s rare words above one holding only its common words', () => {
    const idx = index();
    const question = 'Why was the Kelvor lighthouse closed in the region?';
    const terms = countTerms(analyzeTerms(question));
    const chunks = retrieveChunks(idx, terms, new Float32Array(idx.embedder.dims));
    const ranked = scoreSentences(idx, { text: question, weights: terms, ordered: analyzeTerms(question), answerType: answerTypeOf(question) }, chunks);
    const rare = ranked.findIndex((s) => s.text.includes('Kelvor'));
    const common = ranked.findIndex((s) => s.text.startsWith('Rain fell across the region'));
    expect(rare).toBe(0);
    expect(common).toBeGreaterThan(rare);
    for (const s of ranked) {
      expect(s.text).toBe(idx.articleById.get(s.sentence.docId)!.text.slice(s.sentence.start, s.sentence.end));
      for (const v of Object.values(s.features)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('ask(): extraction', () => {
  // Two reports that differ in whether they give the figure. The one with the figure is a
  // word longer (so slightly weaker on words alone) and sorts last by id: without the
  // answer-type cue the other one would be quoted.
  const flood = () =>
    buildIndex([
      { id: 'a-report', title: 'Valley flood', text: 'The flood in Lindow destroyed countless homes along the river. Crews began clearing roads.' },
      { id: 'b-report', title: 'Valley flood', text: 'The flood in Lindow destroyed 340 riverside homes along the river. Crews began clearing roads.' },
    ]);

  it('prefers the sentence with a number for "How many …"', async () => {
    const answer = await asker(flood(), { abstainBelow: 0 })('How many homes did the flood in Lindow destroy?');
    expect(answer.kind).toBe('answer');
    expect(answer.sentences[0]!.text).toContain('340');
    expect(answer.sentences[0]!.docId).toBe('b-report');
  });

  // "how many" is the question's answer type, not its topic: a sentence that happens to say
  // "many" must not beat the one that gives the figure.
  it('prefers the figure over a sentence that merely says "many"', async () => {
    const index = buildIndex([
      { id: 'a-report', title: 'Valley flood', text: 'The flood in Lindow destroyed many homes along the river. Crews began clearing roads.' },
      { id: 'b-report', title: 'Valley flood', text: 'The flood in Lindow destroyed 340 homes along the river. Crews began clearing roads.' },
    ]);
    const answer = await asker(index, { abstainBelow: 0 })('How many homes did the flood in Lindow destroy?');
    expect(answer.sentences[0]!.text).toContain('340');
  });

  const headed = () =>
    buildIndex([
      {
        id: 'bridge',
        title: 'Harbour bridge',
        text: 'Harbour Bridge Reopens To Traffic\n\nThe harbour bridge reopened to traffic on Monday after a two-year repair. Engineers replaced every cable.\n\nCable Work Finished Early\n\nThe cable work finished four months ahead of schedule.',
      },
      { id: 'park', title: 'City parks', text: 'The city opened a new park beside the river. Families gathered on the lawn.' },
    ]);

  it('quotes text verbatim from the article at its offsets, and never a heading', async () => {
    const index = headed();
    const ask = asker(index, { abstainBelow: 0 });
    for (const q of ['When did the harbour bridge reopen to traffic?', 'Did the cable work finish early?', 'What did engineers replace on the bridge?']) {
      const answer = await ask(q);
      expect(answer.kind, q).toBe('answer');
      expect(answer.sentences.length).toBeGreaterThanOrEqual(1);
      expect(answer.sentences.length).toBeLessThanOrEqual(2);
      for (const s of answer.sentences) {
        const article = index.articleById.get(s.docId)!;
        expect(article.text.slice(s.start, s.end)).toBe(s.text);
        expect(isHeading(s.text), `quoted a heading: ${s.text}`).toBe(false);
        expect(answer.answer).toContain(s.text);
      }
    }
  });

  it('never quotes the same statement twice', async () => {
    const index = buildIndex([
      { id: 'one', title: 'Port news', text: 'The port of Varna will stay closed until Friday, officials said.' },
      { id: 'two', title: 'Port news', text: 'Officials said the port of Varna will stay closed until Friday.' },
    ]);
    const answer = await asker(index, { abstainBelow: 0 })('How long will the port of Varna stay closed?');
    expect(answer.sentences.length).toBe(1);
  });
});

describe('scoreSentences: the article a question names', () => {
  /** Only the first article mentions Goa and talks, in its lead; its answer sentence does not. */
  const talks = () =>
    buildIndex([
      {
        id: 'goa',
        title: 'Ministers meet',
        text: 'The ministers held talks in Goa on Thursday. Trade was discussed at length. The two sides agreed to build a multipolar system.',
      },
      {
        id: 'moscow',
        title: 'Visit to Moscow',
        text: 'Jaishankar met Lavrov in Moscow in December. Energy was discussed at length. The ministers agreed on a new world order.',
      },
    ]);
  const question = 'What world order did the ministers agree to build at the Goa talks?';
  const scored = (article: number) => {
    const index = talks();
    const terms = countTerms(analyzeTerms(question));
    const chunks = retrieveChunks(index, terms, new Float32Array(index.embedder.dims));
    const weights = { ...DEFAULT_EXTRACT_OPTIONS.weights, article };
    const q = { text: question, weights: terms, ordered: analyzeTerms(question), answerType: answerTypeOf(question) };
    return scoreSentences(index, q, chunks, { weights });
  };
  const find = (list: ScoredSentence[], words: string) => list.find((s) => s.text.includes(words))!;

  it('measures the coverage of the whole article, beyond the sentence and its neighbours', () => {
    const answer = find(scored(0), 'multipolar system');
    expect(answer.features.article).toBeGreaterThan(answer.features.coverage);
    expect(answer.features.article).toBeGreaterThan(find(scored(0), 'world order').features.article);
  });

  it('lifts the sentence of the article the question names above a rival with more of its words', () => {
    const without = scored(0);
    expect(find(without, 'world order').score).toBeGreaterThan(find(without, 'multipolar system').score);
    const withArticle = scored(DEFAULT_EXTRACT_OPTIONS.weights.article);
    expect(find(withArticle, 'multipolar system').score).toBeGreaterThan(find(withArticle, 'world order').score);
  });
});
