import { describe, expect, it } from 'vitest';
import { isKindOf } from '../../src/lexicon/kinds.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';

describe('isKindOf', () => {
  const wordnet = new WordNet();
  it.each([
    ['minister', 'person', true],
    ['Spokesperson', 'person', true],
    ['deputy', 'person', true],
    ['Tamil', 'person', true],
    ['Tamil', 'inhabitant', true],
    ['minister', 'inhabitant', false],
    ['bowl', 'person', false],
    ['Moscow', 'location', true],
    ['Moscow', 'person', false],
    ['minister', 'location', false],
    ['qwertyuiop', 'person', false],
  ])('%s is a kind of %s: %s', (word, kind, expected) => {
    expect(isKindOf(wordnet, word, kind)).toBe(expected);
  });

  it('keeps its answers per kind: a word asked about one kind does not answer for another', () => {
    expect(isKindOf(wordnet, 'president', 'person')).toBe(true);
    expect(isKindOf(wordnet, 'president', 'location')).toBe(false);
    expect(isKindOf(wordnet, 'president', 'person')).toBe(true);
  });
});
