import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from '../../src/lexicon/lemmasAround.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';

describe('isDictionaryWord', () => {
  const wordnet = new WordNet();
  it.each([
    ['deliberate', true],
    ['hosted', true],
    ['overtook', true],
    ['ridden', true],
    ['undergone', true],
    ['eaten', true],
    ['hottest', true],
    ['died', true],
    ['cried', true],
    ['applied', true],
    ['ties', true],
    // WordNet's exception lists
    ['got', true],
    ['fled', true],
    ['caught', true],
    ['mice', true],
    ['jaishanker', false],
    ['parliment', false],
    ['goverment', false],
  ])('%s → %s', (word, listed) => {
    expect(isDictionaryWord(wordnet, word)).toBe(listed);
  });
});
