import { describe, expect, it } from 'vitest';
import { describeEdition, editionValues, editionsIn, renumberEdition, romanValue } from '../../../src/qa/question/editions.ts';

const pinned = (question: string) => editionsIn(question).map(({ head, value }) => `${head} ${value}`);

describe('editionsIn: the numbered names a question pins', () => {
  it('reads a name and its number, an ordinal and its name, and codes', () => {
    expect(editionsIn('Which team won Super Bowl 50?')).toEqual([{ head: 'bowl', name: 'Super Bowl', value: '50', written: 'Super Bowl 50' }]);
    expect(editionsIn('Who hosted the 88th Academy Awards ceremony?')).toEqual([{ head: 'award', name: 'Academy Awards', value: '88', written: '88th Academy Awards' }]);
    expect(pinned('How much did the iPhone 4 cost?')).toEqual(['iphon 4']);
    expect(pinned('When did Apollo 13 return?')).toEqual(['apollo 13']);
  });

  it('takes no acronym or code for a series: in a claim about HOXB4, PGE 2 or COVID-19 the number is part of the name', () => {
    expect(editionsIn('HOXB4 and GATA3 regulate CDK6 when PGE 2 rises in COVID-19 and M2 cells.')).toEqual([]);
  });

  it('reads Roman numerals and ordinal words as the numbers they are', () => {
    expect(pinned('Who won Super Bowl XLIX?')).toEqual(['bowl 49']);
    expect(pinned('What did Louis XIV revoke?')).toEqual(['loui 14']);
    expect(pinned('When did the First World War end?')).toEqual(['war 1']);
    expect(pinned('How many died in World War II?')).toEqual(['war 2']);
  });

  it('takes no score, date, count, period or quarter for an edition', () => {
    expect(editionsIn('In which stadium did France beat Brazil 3-0?')).toEqual([]);
    expect(editionsIn('Where did they meet on July 26, 2024?')).toEqual([]);
    expect(editionsIn("What did Helmut Kohl's 16 years in office change?")).toEqual([]);
    expect(editionsIn('Who was the first Indian astronaut?')).toEqual([]);
    expect(editionsIn('Who scored in Game 7 and in Round 2?')).toEqual([]);
    expect(editionsIn('What did Tesla report in Q3 and H1?')).toEqual([]);
    expect(editionsIn('How many seats did Labour win in 2019?')).toEqual([]);
  });

  it('leaves a leading question word out of the name as written', () => {
    expect(editionsIn('Before Super Bowl 50, who won?')[0]!.written).toBe('Super Bowl 50');
    expect(editionsIn('Did  Within  Apollo   13 land?')[0]!.written).toBe('Apollo   13');
  });

  it('is named as a sentence names it', () => {
    expect(editionsIn('Who hosted the 88th Academy Awards?').map(describeEdition)).toEqual(['the 88th Academy Awards']);
    expect(editionsIn('Who won Super Bowl 50?').map(describeEdition)).toEqual(['Super Bowl 50']);
  });
});

describe('editionValues: the numbers an article gives the same series', () => {
  const article =
    'The 50th Super Bowl followed the Broncos\u2019 defeats in Super Bowls XXI and XXIV. Under article 34 and Articles 101, 102 and 106, COP28 met; the 88th Academy Awards were held.';

  it('finds them however the article writes them: either form, any case, in lists', () => {
    expect([...editionValues(article, 'bowl')].sort()).toEqual(['21', '24', '50']);
    expect([...editionValues(article, 'articl')].sort()).toEqual(['101', '102', '106', '34']);
    expect([...editionValues(article, 'cop')]).toEqual(['28']);
    expect([...editionValues(article, 'award')]).toEqual(['88']);
  });

  it('reads a number written as a word ("Formula One" for "Formula 1")', () => {
    expect([...editionValues('He raced in Formula One for a decade.', 'formula')]).toEqual(['1']);
  });

  it('reads the short forms of the name: initials in capitals and a clipped last word', () => {
    const short = (text: string, question: string) => {
      const [edition] = editionsIn(question);
      return [...editionValues(text, edition!.head, edition!.name)].sort();
    };
    expect(short('Veterans of WWII and of WW1 met.', 'Who fought in World War II?')).toEqual(['1', '2']);
    expect(short('It outsold the PS4; the PS 5 followed.', 'What did the PlayStation 5 cost?')).toEqual(['4', '5']);
    expect(short('Voters passed Prop 8, then Prop. 22.', 'Who backed Proposition 8?')).toEqual(['22', '8']);
    expect(short('Under Art. 5 and Sec. 230…', 'Who invoked Article 5?')).toEqual(['5']);
  });

  it('takes no short form that could be another word', () => {
    const values = (text: string, question: string) => {
      const [edition] = editionsIn(question);
      return editionValues(text, edition!.head, edition!.name).size;
    };
    // One letter is no initialism; "Art" without its full stop, "Property" and "WWF" are words.
    expect(values('The A13 road was closed.', 'When did Apollo 13 land?')).toBe(0);
    expect(values('Art 5 was hung; Property 8 was sold.', 'Who invoked Article 5?')).toBe(0);
    expect(values('The WWF2 campaign and WW2a began.', 'Who fought in World War II?')).toBe(0);
  });

  it('finds nothing for a series the article does not number', () => {
    expect(editionValues(article, 'iphon').size).toBe(0);
    expect(editionValues('France beat Brazil 3-0.', 'brazil').size).toBe(0);
  });
});

describe('renumberEdition: the same name with another number, spelled alike', () => {
  it.each([
    ['Super Bowl 50', 51, 'Super Bowl 51'],
    ['Super Bowl XLIX', 48, 'Super Bowl XLVIII'],
    ['88th Academy Awards', 89, '89th Academy Awards'],
    ['the 11th summit', 12, 'the 12th summit'],
    ['the First World War', 2, 'the Second World War'],
    ['Apollo 13', 14, 'Apollo 14'],
  ])('%s → %s', (written, value, expected) => {
    expect(renumberEdition(written, value)).toBe(expected);
  });

  it('gives up on an ordinal word it cannot write', () => {
    expect(renumberEdition('the Twelfth Night Festival', 13)).toBeUndefined();
  });
});

describe('romanValue', () => {
  it('reads canonical numerals and rejects the rest', () => {
    expect(romanValue('XIV')).toBe(14);
    expect(romanValue('XLIX')).toBe(49);
    expect(romanValue('IIII')).toBeNaN();
    expect(romanValue('VX')).toBeNaN();
  });
});
