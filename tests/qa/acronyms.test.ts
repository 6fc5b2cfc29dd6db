import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../src/corpus/findAcronyms.ts';
import { expandAcronyms } from '../../src/qa/retrieve/acronyms.ts';

describe('findAcronyms', () => {
  it('learns an acronym the text spells out, both ways', () => {
    const map = findAcronyms(['They met at the Shanghai Cooperation Organisation (SCO) summit in Astana.']);
    expect(map.get('sco')).toEqual(['shanghai', 'cooper', 'organis']);
    expect(map.get('shanghai cooper organis')).toEqual(['sco']);
  });

  it('skips small words inside the long form and ignores brackets that are not its initials', () => {
    const map = findAcronyms(['The Food and Agriculture Organization (FAO) said so.', 'He spoke to the press (PTI) later.']);
    expect(map.get('fao')).toEqual(['food', 'agricultur', 'organ']);
    expect(map.has('pti')).toBe(false);
  });
});

describe('expandAcronyms', () => {
  const map = findAcronyms(['the Shanghai Cooperation Organisation (SCO)']);

  it('adds the long form of an acronym the question uses, at the given weight', () => {
    const weights = new Map([['sco', 1], ['found', 1]]);
    expandAcronyms(['sco', 'found'], weights, map, 0.5);
    expect(Object.fromEntries(weights)).toEqual({ sco: 1, found: 1, shanghai: 0.5, cooper: 0.5, organis: 0.5 });
  });

  it('adds the acronym of a long form the question spells out, and never lowers a typed word', () => {
    const weights = new Map([['shanghai', 1], ['cooper', 1], ['organis', 1]]);
    expandAcronyms(['shanghai', 'cooper', 'organis'], weights, map, 0.5);
    expect(weights.get('sco')).toBe(0.5);
    expect(weights.get('shanghai')).toBe(1);
  });
});
