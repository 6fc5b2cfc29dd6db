import { describe, expect, it } from 'vitest';
import { isPlaceName } from '../../src/lexicon/places.ts';
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
