import { describe, expect, it } from 'vitest';
import { archiveCasing } from '../../../src/qa/retrieve/archiveCasing.ts';
import { wholeWordAt } from '../../../src/qa/retrieve/wholeWordAt.ts';
import { buildIndex } from '../../support/qaFixtures.ts';

describe('archiveCasing: the forms an archive writes a word in', () => {
  const index = buildIndex([
    { id: 'goa', title: 'SCO meeting in Goa', text: 'Resort staff said Jaishankar met Lavrov at a resort in Goa. "Resort" was the word NASA used.' },
    { id: 'beach', title: 'Beach news', text: 'The resort reopened. A second resort opened near the beach, said Lavrov.' },
  ]);
  const casing = archiveCasing(index);

  it('counts each form, leaving out the first word of a sentence or a quote (capitalised whatever it is)', () => {
    expect(casing.forms('resort')).toEqual(new Map([['resort', 3]]));
    expect(casing.forms('lavrov')).toEqual(new Map([['Lavrov', 2]]));
    expect(casing.forms('nasa')).toEqual(new Map([['NASA', 1]]));
  });

  it('finds nothing for a word the archive never writes', () => {
    expect(casing.forms('federer')).toEqual(new Map());
  });

  it('reads a word’s forms once per index: a later question asking it again gets the same answer', () => {
    const first = archiveCasing(index).forms('lavrov');
    expect(archiveCasing(index).forms('lavrov')).toBe(first);
    // Another build is another index: its forms are its own.
    const other = buildIndex([{ id: 'x', title: 'Other', text: 'Talks went well, said lavrov of the mission.' }]);
    expect(archiveCasing(other).forms('lavrov')).toEqual(new Map([['lavrov', 1]]));
  });

  it('also says whether a short unknown word is one edit from a function word or a dictionary word it uses', () => {
    expect(casing.nearKnownWord('resrt')).toBe(true);
    expect(casing.nearKnownWord('wher')).toBe(true);
    expect(casing.nearKnownWord('qzxv')).toBe(false);
  });
});

describe('wholeWordAt: where a word stands whole, in any case', () => {
  it.each([
    ['Lavrov met LAVROV; lavrov’s aide', 'lavrov', [0, 11, 19]],
    ['Lavrovs and 2lavrov and lavrov2 are other words', 'lavrov', []],
    ['Zürich, zürich and ZÜRICH', 'zürich', [0, 8, 19]],
    ['😀Goa and é-goa', 'goa', [2, 12]],
    ['İstanbul then goa', 'goa', [14]],
  ])('%s', (text, word, at) => {
    expect(wholeWordAt(text, word)).toEqual(at);
    // The same as a case-insensitive Unicode expression with look-arounds.
    expect([...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'))].map((m) => m.index)).toEqual(at);
  });
});
