import { analyzeTerms } from '../analyze/analyzeTerms.ts';

/**
 * Acronyms the archive defines itself: "Shanghai Cooperation Organisation (SCO)" teaches that
 * a question saying "SCO" means those three words, and the other way round. News is full of
 * them (SCO, BRICS, ASEAN, PTI), and an article usually spells one out once, then abbreviates.
 */
export type AcronymMap = ReadonlyMap<string, string[]>;

const DEFINITION = /((?:[A-Z][\p{L}'’-]*\s+(?:(?:of|and|for|the|de|on|in)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)/gu;
const SMALL = new Set(['of', 'and', 'for', 'the', 'de', 'on', 'in']);

/** Acronym term → the terms of its long form, and each long form's terms → the acronym term. */
export function findAcronyms(texts: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const acronym = match[2]!;
      const words = match[1]!.trim().split(/\s+/);
      // Take as many trailing capitalised words as the acronym has capitals, skipping small words.
      const capitals = acronym.replace(/[^A-Z]/g, '').length;
      const picked: string[] = [];
      for (let i = words.length - 1; i >= 0 && picked.filter((w) => !SMALL.has(w.toLowerCase())).length < capitals; i--) picked.unshift(words[i]!);
      const initials = picked.filter((w) => !SMALL.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join('');
      if (initials !== acronym.replace(/[^A-Z]/g, '')) continue;
      const [acronymTerm] = analyzeTerms(acronym);
      const longTerms = analyzeTerms(picked.join(' '));
      if (!acronymTerm || longTerms.length < 2 || map.has(acronymTerm)) continue;
      map.set(acronymTerm, longTerms);
      map.set(longTerms.join(' '), [acronymTerm]);
    }
  }
  return map;
}
