import { describe, expect, it } from 'vitest';
import { isPlaceName, placeNames } from '../../src/lexicon/places.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';

describe('isPlaceName', () => {
  const wordnet = new WordNet();
  it.each([
    ['Russia', true],
    ['moscow', true],
    ['delhi', true],
    ['Pakistan', true],
    ['putin', false],
    ['kremlin', false],
    ['minister', false],
    ['qwertyuiop', false],
  ])('%s → %s', (word, place) => {
    expect(isPlaceName(wordnet, word)).toBe(place);
  });
});

describe('placeNames', () => {
  const wordnet = new WordNet();
  const same = (a: string, b: string) => [...placeNames(wordnet, a)].some((n) => placeNames(wordnet, b).has(n));

  it('gives a place and the adjective of that place a name in common', () => {
    expect(same("China", 'Chinese')).toBe(true);
    expect(same('Laotian', 'Laos')).toBe(true);
    expect(same('Russia', 'Russian')).toBe(true);
    expect(same('Russian', 'Indian')).toBe(false);
  });

  it('gives no names for a word that is neither a place nor of one', () => {
    expect(placeNames(wordnet, 'minister').size).toBe(0);
    expect(placeNames(wordnet, 'foreign').size).toBe(0);
  });
});
