import type { WordNet } from './wordnet.ts';

/** How far up WordNet's "is a" / "is an instance of" links a place's kinds are followed. */
const DEPTH = 12;
const memo = new Map<string, boolean>();
const MEMO_LIMIT = 10_000;

/**
 * Whether a word names a place in its most frequent sense: a country, city or region, which
 * WordNet files under "location" ("Moscow" → national capital → … → location). "Putin" is a
 * statesman and "Kremlin" a stronghold: not places.
 */
export function isPlaceName(wordnet: WordNet, word: string): boolean {
  const key = word.toLowerCase();
  let known = memo.get(key);
  if (known !== undefined) return known;
  known = false;
  const [first] = wordnet.senses(key, 'n');
  let frontier = first === undefined ? [] : [first];
  const seen = new Set<number>();
  for (let depth = 0; depth < DEPTH && frontier.length > 0 && !known; depth++) {
    const next: number[] = [];
    for (const offset of frontier) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = wordnet.synset('n', offset);
      if (!synset) continue;
      if (synset.words.includes('location')) known = true;
      for (const p of synset.pointers) if ((p.symbol === '@' || p.symbol === '@i') && p.pos === 'n') next.push(p.offset);
    }
    frontier = next;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, known);
  return known;
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
  const key = word.toLowerCase();
  const names = new Set<string>();
  if (isPlaceName(wordnet, key)) {
    for (const offset of wordnet.senses(key, 'n').slice(0, PLACE_SENSES)) wordnet.synset('n', offset)?.words.forEach((w) => names.add(w));
  }
  for (const offset of wordnet.senses(key, 'a').slice(0, PLACE_SENSES)) {
    for (const p of wordnet.synset('a', offset)?.pointers ?? []) {
      if (p.symbol !== '\\' || p.pos !== 'n') continue;
      const place = wordnet.synset('n', p.offset);
      if (place?.words.some((w) => isPlaceName(wordnet, w))) place.words.forEach((w) => names.add(w));
    }
  }
  return names;
}
