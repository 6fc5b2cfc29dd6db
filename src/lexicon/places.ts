import type { WordNet } from './wordnet.ts';
import { isKindOf } from './kinds.ts';

/**
 * Whether a word names a place in its most frequent sense: a country, city or region, which
 * WordNet files under "location" ("Moscow" → national capital → … → location). "Putin" is a
 * statesman and "Kremlin" a stronghold: not places.
 */
export function isPlaceName(wordnet: WordNet, word: string): boolean {
  return isKindOf(wordnet, word, 'location');
}

/** Senses of a word read for the places it names or pertains to: the most frequent few. */
const PLACE_SENSES = 2;

/**
 * The names of the places a word stands for: a place's own synonyms ("China" → china, prc,
 * cathay…) or, for an adjective, those of the place it pertains to ("Laotian" → laos;
 * "Chinese" → china). Empty when the word is neither. Two words stand for the same place when
 * their sets share a name: "China's" and "Chinese", "Russia's" and "Russian".
 */
export function placeNames(wordnet: WordNet, word: string): Set<string> {
  const names = new Set<string>();
  for (const offset of placeSynsets(wordnet, word.toLowerCase())) wordnet.synset('n', offset)?.words.forEach((w) => names.add(w));
  return names;
}

/** The synsets of the places a word names (its most frequent senses) or, as an adjective, pertains to. */
function placeSynsets(wordnet: WordNet, key: string): Set<number> {
  const places = new Set<number>();
  if (isPlaceName(wordnet, key)) for (const offset of wordnet.senses(key, 'n').slice(0, PLACE_SENSES)) places.add(offset);
  for (const offset of wordnet.senses(key, 'a').slice(0, PLACE_SENSES)) {
    for (const p of wordnet.synset('a', offset)?.pointers ?? []) {
      if (p.symbol !== '\\' || p.pos !== 'n') continue;
      const place = wordnet.synset('n', p.offset);
      if (place?.words.some((w) => isPlaceName(wordnet, w))) places.add(p.offset);
    }
  }
  return places;
}

/** How many "has part" links down the places inside a place are read: Southeast Asia → Indochina → Laos → Vientiane. */
const WITHIN_DEPTH = 3;

/**
 * The names of the places inside the place a word or phrase names or pertains to ("Middle
 * East" → israel, egypt, gaza strip, jerusalem…; "Laotian" → vientiane…), read down WordNet's
 * part links. Empty when it names no place.
 */
export function placesWithin(wordnet: WordNet, phrase: string): string[] {
  const key = phrase.toLowerCase();
  let frontier = [...placeSynsets(wordnet, key)];
  const seen = new Set<number>(frontier);
  const names: string[] = [];
  for (let depth = 0; depth < WITHIN_DEPTH && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const offset of frontier) {
      for (const p of wordnet.synset('n', offset)?.pointers ?? []) {
        if (p.symbol !== '%p' || p.pos !== 'n' || seen.has(p.offset)) continue;
        seen.add(p.offset);
        next.push(p.offset);
        names.push(...(wordnet.synset('n', p.offset)?.words ?? []));
      }
    }
    frontier = next;
  }
  return names;
}
