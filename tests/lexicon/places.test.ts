import { describe, expect, it } from 'vitest';
import { isPlaceName, placeNames, placesWithin } from '../../src/lexicon/places.ts';
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

describe('isPlaceName memo', () => {
  it('keeps answers per WordNet: one that cannot be read does not answer from another’s', () => {
    expect(isPlaceName(new WordNet(), 'Moscow')).toBe(true);
    expect(() => isPlaceName(new WordNet('/nonexistent/wordnet'), 'Moscow')).toThrow(/ENOENT/);
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

describe('placesWithin', () => {
  const wordnet = new WordNet();

  it('reads the places inside a region, a country and a place adjective, parts of parts included', () => {
    expect(placesWithin(wordnet, 'Middle East')).toEqual(expect.arrayContaining(['israel', 'gaza strip', 'jerusalem']));
    expect(placesWithin(wordnet, 'India')).toEqual(expect.arrayContaining(['goa', 'mumbai']));
    expect(placesWithin(wordnet, 'Laotian')).toContain('vientiane');
  });

  it('reads nothing inside a thing that is no place, nor above a place', () => {
    expect(placesWithin(wordnet, 'Putin')).toEqual([]);
    expect(placesWithin(wordnet, 'minister')).toEqual([]);
    // Vientiane is inside Laos, not Laos inside Vientiane.
    expect(placesWithin(wordnet, 'Vientiane')).not.toContain('laos');
  });
});
