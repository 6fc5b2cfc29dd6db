import { describe, expect, it } from 'vitest';
import { questionConstraints } from '../../../src/qa/question/constraints.ts';
import { partiesIn, unwrittenParties, writesNoParty } from '../../../src/qa/question/parties.ts';

/** A stand-in dictionary: the words WordNet would list among those asked below. */
const dictionary = new Set(['roger', 'wimbledon', 'final', 'laotian', 'middle', 'east', 'bolt', 'paul', 'maggie', 'mercedes', 'approximately']);
const isWord = (word: string) => dictionary.has(word);
const parties = (question: string) => questionConstraints(question, undefined, isWord).parties;

describe('partiesIn: the words of a question’s names that only a name can be', () => {
  it('takes the words of its names no dictionary lists, as written, once each', () => {
    expect(parties('Whom did Roger Federer defeat in the Wimbledon final?')).toEqual(['Federer']);
    expect(parties("In what year were Maggie and Paul Murdaugh murdered, and where is Murdaugh's estate?")).toEqual(['Murdaugh']);
    expect(parties('Which NASA astronaut welcomed Hurley and Behnken?')).toEqual(['Hurley', 'Behnken']);
  });

  it('reads each part of a hyphenated name', () => {
    expect(parties('Who chairs the Mercedes-Benz board?')).toEqual(['Benz']);
  });

  it('leaves out dictionary words, acronyms and codes, short names and the question’s first word', () => {
    expect(parties('Which Laotian city hosted the Middle East talks, and did Bolt run?')).toEqual([]);
    expect(parties('Did NASA, WWII veterans or Th2 cells meet Xi in Goa?')).toEqual([]);
    expect(parties('Approximately how many Kowalczyk voters were there?')).toEqual(['Kowalczyk']);
    expect(partiesIn('Kowalczyk said what?', ['Kowalczyk'], isWord)).toEqual([]);
  });

  it('takes none without a dictionary to tell names from words', () => {
    expect(questionConstraints('Whom did Roger Federer defeat?').parties).toEqual([]);
  });
});

describe('unwrittenParties / writesNoParty: does the article write who the question is about?', () => {
  const article = { title: 'Nadal wins in Paris', text: "Rafael Nadal beat Stan Wawrinka in the final. The Murdaughs' lawyer and José Núñez watched; Skłodowska-Curie was named. He has 22 Grammys." };

  it('finds a party as a word of its own, in any case, accent, number or possessive', () => {
    expect(unwrittenParties(['Nadal', 'WAWRINKA', 'Murdaugh', 'Nunez', 'Sklodowska', 'Grammy'], article)).toEqual([]);
    expect(unwrittenParties(['Grammys', 'Jose'], { title: '', text: 'Two Grammy awards went to José.' })).toEqual([]);
  });

  it('does not take a word that shares its stem or its start for it', () => {
    expect(unwrittenParties(['Federer'], { title: 'Federal standards', text: 'Federal safety standards tightened.' })).toEqual(['Federer']);
    expect(unwrittenParties(['Nadal'], { title: '', text: 'The Nadalia festival opened.' })).toEqual(['Nadal']);
  });

  it('says another story when the article writes none of the parties, not when it writes some or none are named', () => {
    expect(writesNoParty(['Federer', 'Djokovic'], article)).toBe(true);
    expect(writesNoParty(['Federer', 'Nadal'], article)).toBe(false);
    expect(writesNoParty([], article)).toBe(false);
  });

  it('reads a party with a regular-expression character as text', () => {
    expect(unwrittenParties(['Nadal.*'], article)).toEqual(['Nadal.*']);
  });
});
