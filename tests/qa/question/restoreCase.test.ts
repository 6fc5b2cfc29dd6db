import { describe, expect, it } from 'vitest';
import { restoreCase, type CasingLookups } from '../../../src/qa/question/restoreCase.ts';

/** A stand-in archive: how its text writes each word (sentence starts already left out), and a dictionary. */
function lookups(forms: Record<string, Record<string, number>>, dictionary: string[] = [], slips: string[] = []): CasingLookups {
  return {
    forms: (word) => new Map(Object.entries(forms[word] ?? {})),
    isWord: (word) => dictionary.includes(word),
    isStopword: (word) => ['who', 'did', 'the', 'at', 'in', 'what', 'was', 'of', 'where'].includes(word),
    nearKnownWord: (word) => slips.includes(word),
  };
}

describe('restoreCase: a lower-case question gets its names’ capitals back from the archive', () => {
  const archive = lookups(
    { lavrov: { Lavrov: 12 }, nasa: { NASA: 5, nasa: 1 }, iphone: { iPhone: 3 }, goa: { Goa: 4 }, resort: { resort: 9, Resort: 2 }, bank: { bank: 3, Bank: 3 } },
    ['resort', 'bank', 'beat', 'met', 'meet', 'council', 'say'],
  );

  it('takes the archive’s commonest capitalised form where it writes the word capitalised more often than not', () => {
    expect(restoreCase('who did lavrov meet at the resort in goa?', archive)).toBe('who did Lavrov meet at the resort in Goa?');
    expect(restoreCase('what did nasa say of the iphone?', archive)).toBe('what did NASA say of the iPhone?');
    expect(restoreCase('what was the bank?', archive)).toBe('what was the bank?');
  });

  it('capitalises a word the archive never writes and no dictionary lists: a name nobody here has written', () => {
    expect(restoreCase('who did federer beat in goa?', archive)).toBe('who did Federer beat in Goa?');
    expect(restoreCase('who did xiu beat?', archive)).toBe('who did xiu beat?');
    expect(restoreCase('who did the council meet?', archive)).toBe('who did the council meet?');
  });

  it('leaves a short unknown word one edit from a word the archive uses as typed: a slip, not a name', () => {
    const withSlips = lookups({ goa: { Goa: 4 } }, ['people', 'meet'], ['peple', 'wher', 'federer']);
    expect(restoreCase('who did the peple meet in goa?', withSlips)).toBe('who did the peple meet in Goa?');
    expect(restoreCase('the peple did meet wher?', withSlips)).toBe('the peple did meet wher?');
    // From six letters on, the spelling corrector has had its say: an unknown word is a name.
    expect(restoreCase('who did federer meet?', withSlips)).toBe('who did Federer meet?');
  });

  it('does not look up a run of letters too long to be a word', () => {
    const noise = 'x'.repeat(40);
    const refusing = { ...archive, forms: (word: string) => (word === noise ? expect.fail('looked up') : archive.forms(word)) };
    expect(restoreCase(`what is ${noise} in goa?`, refusing)).toBe(`what is ${noise} in Goa?`);
  });

  it('reads a question whose only capital is its first letter, as a phone types it, as typed in lower case', () => {
    expect(restoreCase('Who did lavrov meet in goa?', archive)).toBe('Who did Lavrov meet in Goa?');
    expect(restoreCase('Resort in goa?', archive)).toBe('Resort in Goa?');
    expect(restoreCase('“Who did federer beat?', archive)).toBe('“Who did Federer beat?');
    // A first word typed in lower case is restored as any other.
    expect(restoreCase('lavrov did meet in goa?', archive)).toBe('Lavrov did meet in Goa?');
  });

  it('leaves a question with a capital past its first letter as its writer wrote it', () => {
    expect(restoreCase('who did lavrov meet in Goa?', archive)).toBe('who did lavrov meet in Goa?');
  });
});
