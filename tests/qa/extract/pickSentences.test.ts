import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../../src/analyze/analyzeTerms.ts';
import { SENTENCE_FEATURES, type SentenceFeatures } from '../../../src/qa/extract/features.ts';
import { overlap, pickSentences } from '../../../src/qa/extract/pickSentences.ts';
import type { RankedSentence } from '../../../src/qa/extract/ranker.ts';

/** A ranked candidate with a score in log-odds (softmax probability ratio = e^(score difference)). */
function ranked(docId: string, index: number, text: string, score: number, typed = 0): RankedSentence {
  const features = Object.fromEntries(SENTENCE_FEATURES.map((f) => [f, 0])) as SentenceFeatures;
  features.typed = typed;
  return { sentence: { docId, index, start: 0, end: text.length }, text, terms: analyzeTerms(text), context: 1, semantic: 0, articleRank: 0, features, score };
}
const HALF = Math.log(0.5);

describe('pickSentences', () => {
  it('picks nothing from nothing', () => {
    expect(pickSentences([], 0.5)).toEqual([]);
  });

  it('quotes a second sentence only when its probability is at least the ratio of the first', () => {
    const first = ranked('a', 0, 'The dam burst after three days of rain.', 0);
    const close = ranked('b', 0, 'Rescue boats reached the stranded villagers by noon.', HALF);
    const far = ranked('c', 0, 'Schools across the district stayed closed for a week.', Math.log(0.01));
    expect(pickSentences([first, close, far], 0.5)).toEqual([first, close]);
    expect(pickSentences([first, close, far], 0.6)).toEqual([first]);
    expect(pickSentences([first, far], 0.05)).toEqual([first]);
  });

  it('never quotes two near-duplicates, however close their scores', () => {
    const first = ranked('a', 0, 'The dam burst after three days of heavy rain.', 0);
    const dup = ranked('b', 3, 'After three days of heavy rain, the dam burst.', -0.001);
    const other = ranked('c', 1, 'Rescue boats reached the stranded villagers by noon.', -0.01);
    expect(pickSentences([first, dup], 0.1)).toEqual([first]);
    expect(pickSentences([first, dup, other], 0.1)).toEqual([first, other]);
  });

  it('quotes the second first only when it alone holds the date or number asked for', () => {
    const first = ranked('a', 0, 'Lavrov met Jaishankar in Moscow for wide-ranging talks.', 0, 0);
    const second = ranked('b', 0, 'The talks were held on December 27 at the foreign ministry.', -0.1, 1);
    expect(pickSentences([first, second], 0.5, 'date')).toEqual([second, first]);
    expect(pickSentences([first, second], 0.5, 'number')).toEqual([second, first]);
    expect(pickSentences([first, second], 0.5, 'person')).toEqual([first, second]);
  });

  it('does not answer a follow-up with what the last answer quoted, unless it holds what is asked', () => {
    const first = ranked('a', 2, 'They also discussed trade and energy.', 0);
    const repeat = ranked('a', 0, 'Lavrov met Jaishankar in Goa on Thursday.', -0.1);
    const fresh = ranked('a', 3, 'Both sides praised the new shipping route.', -0.2);
    expect(pickSentences([first, repeat, fresh], 0.5, 'other', new Set(['a#0']))).toEqual([first, fresh]);
    expect(pickSentences([first, repeat, fresh], 0.5)).toEqual([first, repeat]);
    // "When was that?": the quoted sentence is the best match, but the date is in the next one.
    const event = ranked('l', 0, 'The harbour authority closed the Kelvor lighthouse.', 0, 0);
    const dated = ranked('l', 1, 'The closure was announced on 2 October 2023.', -3, 1);
    expect(pickSentences([event, dated], 0.5, 'date', new Set(['l#0']))).toEqual([dated]);
    // A repeat that holds the date asked for may stand.
    const datedRepeat = ranked('l', 1, 'The closure was announced on 2 October 2023.', 0, 1);
    expect(pickSentences([datedRepeat, { ...event, score: -3 }], 0.5, 'date', new Set(['l#1']))).toEqual([datedRepeat]);
    // Nothing new at all: the best there is.
    expect(pickSentences([repeat], 0.5, 'other', new Set(['a#0']))).toEqual([repeat]);
  });
});

describe('pickSentences: the time asked about', () => {
  it('never quotes, beside an answer from the time the question names, a sentence from outside it', () => {
    const first = ranked('goa', 0, 'Lavrov met Jaishankar at a resort in Goa on Thursday.', 0);
    const other = ranked('astana', 0, 'Good to meet Russian FM Sergey Lavrov in Astana today.', -0.5);
    other.features.dateOut = 1;
    expect(pickSentences([first, other], 0.1)).toEqual([first]);
    // When the best is itself outside the time, the second may be too.
    const outside = { ...first, features: { ...first.features, dateOut: 1 } };
    expect(pickSentences([outside, other], 0.1)).toEqual([outside, other]);
  });
});

describe('pickSentences: the story asked about', () => {
  it('never quotes, beside an answer from the story, a sentence from an article that writes none of the question’s parties', () => {
    const first = ranked('trial', 0, 'The jury deliberated for 36 hours before finding Hernandez guilty.', 0);
    const elsewhere = ranked('kidnap', 0, 'The jury reached its verdict in two hours of deliberations.', -0.5);
    const same = ranked('trial', 3, 'Jurors had heard ten weeks of testimony.', -1);
    const anotherStory = (s: RankedSentence) => s.sentence.docId === 'kidnap';
    expect(pickSentences([first, elsewhere, same], 0.1, 'number', new Set(), anotherStory)).toEqual([first, same]);
    expect(pickSentences([first, elsewhere, same], 0.1)).toEqual([first, elsewhere]);
    // When the best tells another story itself, so may the second.
    expect(pickSentences([first, elsewhere], 0.1, 'other', new Set(), () => true)).toEqual([first, elsewhere]);
  });
});

describe('overlap', () => {
  it('is the share of the smaller set found in the other', () => {
    expect(overlap(['dam', 'burst'], ['dam', 'burst', 'rain'])).toBe(1);
    expect(overlap(['dam', 'rain'], ['dam', 'burst', 'boat', 'noon'])).toBe(0.5);
    expect(overlap([], ['boat'])).toBe(0);
  });
});
