import { describe, expect, it } from 'vitest';
import { isKindOf } from '../../../src/lexicon/kinds.ts';
import { WordNet } from '../../../src/lexicon/wordnet.ts';
import { analyzeQuestion, answerTypeOf } from '../../../src/qa/question/analyzeQuestion.ts';
import { answerDetailOf, focusWords, typeOfFocus } from '../../../src/qa/question/answerFocus.ts';

const wordnet = new WordNet();
const kindOf = (word: string, kind: string) => isKindOf(wordnet, word, kind);

describe('focusWords: the noun a "which/what" question asks for', () => {
  it.each([
    ['Which manager steered Leicester City to the title?', ['manager', 'steered']],
    ['Which NASA astronaut was waiting on the station?', ['astronaut']],
    ['In which Montana town did the plane crash?', ['town']],
    ['What is the name of the resort in Goa?', ['resort']],
    ['What share of the national vote did Labour get?', ['share']],
    ['Where did they meet?', []],
  ])('%s → %j', (question, expected) => {
    expect(focusWords(question)).toEqual(expected);
  });
});

describe('typeOfFocus: the kind of the focus noun, from WordNet', () => {
  it('files people, places and times by their WordNet kind, not by a list', () => {
    expect(typeOfFocus(['judge'], kindOf)).toBe('person');
    expect(typeOfFocus(['astronaut'], kindOf)).toBe('person');
    expect(typeOfFocus(['town'], kindOf)).toBe('place');
    expect(typeOfFocus(['stadium'], kindOf)).toBe('place');
    expect(typeOfFocus(['year'], kindOf)).toBe('date');
    expect(typeOfFocus(['former', 'president'], kindOf)).toBe('person');
  });

  it('says nothing without WordNet', () => {
    expect(typeOfFocus(['judge'], () => false)).toBeUndefined();
  });
});

describe('answerDetailOf: the shape of the figure asked for', () => {
  it.each([
    ['What share of the vote did the Greens get?', 'percent'],
    ['What percentage of homes lost power?', 'percent'],
    ['How much did the stadium cost?', 'money'],
    ['What was the company revenue in the quarter?', 'money'],
    // "how much" before a sum of money, or before a verb of paying, earning or losing
    ['How much net profit did the bank report?', 'money'],
    ['How much per share did the buyer offer?', 'money'],
    ['How much could the farms lose this year?', 'money'],
    ['How much did fuel prices rise in May?', undefined],
    ['How much rain fell overnight?', undefined],
    ['How long did the jury deliberate?', 'duration'],
    // measures answered by a figure with its unit
    ['How fast was the train travelling when it derailed?', 'speed'],
    ['At what top speed can the car run?', 'speed'],
    ['How far below the surface were the miners trapped?', 'length'],
    ['What was the diameter of the rocket in feet?', 'length'],
    ['How heavy was the satellite?', 'weight'],
    ['What is the weight of a bushel of coal?', 'weight'],
    ['How old was the pilot when he flew again?', 'age'],
    ['At what age did the workers retire?', 'age'],
    ['What was the final score of the game?', 'score'],
    ['By what margin did the rider win the Tour?', 'score'],
    ['By how much did the home side win?', 'score'],
    ["What's the half-time score?", 'score'],
    ['How much does the satellite weigh?', 'weight'],
    ['What was the daily distance walked by the pilgrims?', 'length'],
    // a measure's noun as a modifier asks for no measure
    ['Which speed skater won gold?', undefined],
    ['What weight class did he fight in?', undefined],
    ['What age group was most affected?', undefined],
    // "how high" asks for rates and prices as often as heights: no unit is required
    ['How high were the steel tariffs?', undefined],
    ['How many jobs were added?', 'count'],
    ['In what year was the club founded?', 'year'],
    ['Who won?', undefined],
  ])('%s → %s', (question, detail) => {
    expect(answerDetailOf(question)).toBe(detail);
  });
});

describe('analyzeQuestion: the answer type', () => {
  it('takes it from the focus noun when WordNet can tell, from the question word otherwise', () => {
    expect(analyzeQuestion('Which judge handed down the sentence?', undefined, kindOf).answerType).toBe('person');
    expect(analyzeQuestion('Which judge handed down the sentence?').answerType).toBe('other');
    expect(analyzeQuestion('In which stadium was the final played?', undefined, kindOf).answerType).toBe('place');
    expect(analyzeQuestion('What share of the vote did Labour get?', undefined, kindOf)).toMatchObject({ answerType: 'number', answerDetail: 'percent' });
    expect(analyzeQuestion('What is the name of the document they signed?', undefined, kindOf).answerType).toBe('name');
    expect(analyzeQuestion('What is the name of the resort where they met?', undefined, kindOf).answerType).toBe('place');
    expect(analyzeQuestion('Who won the race?', undefined, kindOf).answerType).toBe('person');
  });
});

describe('answerTypeOf: "in which"', () => {
  it.each([
    ['In which city did they meet?', 'place'],
    ['On July 3, 2024, in which city did they meet?', 'place'],
    ['The final was played in which stadium?', 'place'],
    // A time asked with "in which" is a date, not a place.
    ['In which month did they last meet?', 'date'],
    ['In which century were the tapestries woven?', 'date'],
    // Inside a question, "in which" opens a relative clause and asks for nothing.
    ['What was the final score of the game in which the Lakers completed their sweep?', 'other'],
    ['Who was the referee of the final in which Cane was sent off?', 'person'],
  ])('%s → %s', (question, expected) => {
    expect(answerTypeOf(question)).toBe(expected);
  });
});
