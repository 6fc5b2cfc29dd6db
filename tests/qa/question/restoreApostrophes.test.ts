import { describe, expect, it } from 'vitest';
import { restoreApostrophes } from '../../../src/qa/question/restoreApostrophes.ts';

describe('restoreApostrophes: contractions typed without their apostrophe', () => {
  it.each([
    ['why didnt india sign the statement', "why didn't india sign the statement"],
    ['so whats the deal with oil', "so what's the deal with oil"],
    ['Whats new? Theyre saying it wont last', "What's new? They're saying it won't last"],
    ['DIDNT they meet', "DIDN'T they meet"],
    ['im asking who won', "i'm asking who won"],
  ])('%s → %s', (typed, read) => {
    expect(restoreApostrophes(typed)).toBe(read);
  });

  it('leaves words of their own, and words already written with an apostrophe', () => {
    const text = "its well known they were here; lets see who'd shed ill will, didn't they? o'clock";
    expect(restoreApostrophes(text)).toBe(text);
  });

  it('brings in no capital: a lower-case question stays lower case', () => {
    expect(restoreApostrophes('im sure theyre right')).toMatch(/^\P{Lu}*$/u);
  });
});
