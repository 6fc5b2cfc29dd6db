import { describe, expect, it } from 'vitest';
import { withoutName } from '../../../src/qa/question/constraints.ts';
import { questionConstraints } from '../../../src/qa/question/constraints.ts';
import { positionalCapital, type CasingLookups } from '../../../src/qa/question/restoreCase.ts';

/** A stand-in archive: how its text writes each word past sentence starts, and a dictionary. */
const archive: CasingLookups = {
  forms: (word) => new Map(Object.entries(({ got: { got: 3 }, china: { China: 9, china: 1 }, may: { May: 4, may: 2 }, tell: {} } as Record<string, Record<string, number>>)[word] ?? {})),
  isWord: (word) => ['got', 'china', 'may', 'tell'].includes(word),
  isStopword: (word) => ['what', 'who'].includes(word),
  nearKnownWord: () => false,
};

describe('positionalCapital: a first word capitalised only for standing first', () => {
  it('is a word a dictionary lists and the archive does not write capitalised', () => {
    expect(positionalCapital('Got any figures on Russian oil?', archive)).toBe('Got');
    expect(positionalCapital('“Tell me where Lavrov went', archive)).toBe('Tell');
  });

  it('is no name the archive writes capitalised, no word a dictionary lacks, no function word', () => {
    expect(positionalCapital('China signed what?', archive)).toBeUndefined();
    expect(positionalCapital('May 2023: where did they meet?', archive)).toBeUndefined();
    expect(positionalCapital('Lavrov met whom?', archive)).toBeUndefined();
    expect(positionalCapital('What did Lavrov say?', archive)).toBeUndefined();
  });

  it('is left out of the names by withoutName, the others kept in order', () => {
    const constraints = questionConstraints('Got any figures on Russian oil from Rosneft?');
    expect(constraints.namesWritten).toEqual(['Got', 'Russian', 'Rosneft']);
    const named = withoutName(constraints, 'Got');
    expect(named.namesWritten).toEqual(['Russian', 'Rosneft']);
    expect(named.names).toEqual(constraints.names.slice(1));
    expect(withoutName(constraints, undefined)).toBe(constraints);
  });
});
