import type { WordNet } from './wordnet.ts';

/** How far up WordNet's "is a" / "is an instance of" links a word's kinds are followed. */
const DEPTH = 12;
/** Answers per WordNet and kind: one that cannot be read must not answer from another's memo. */
const memos = new WeakMap<WordNet, Map<string, boolean>>();
const MEMO_LIMIT = 10_000;

/**
 * Whether a word's most frequent noun sense is a kind of `kind` (a word WordNet files under it):
 * "Moscow" → national capital → … → location; "minister" → … → person. Only the first sense
 * counts: "Kremlin" is a stronghold before it is the Russian government.
 */
export function isKindOf(wordnet: WordNet, word: string, kind: string): boolean {
  const key = `${kind}\u0000${word.toLowerCase()}`;
  let memo = memos.get(wordnet);
  if (!memo) memos.set(wordnet, (memo = new Map()));
  let known = memo.get(key);
  if (known !== undefined) return known;
  known = false;
  const [first] = wordnet.senses(word.toLowerCase(), 'n');
  let frontier = first === undefined ? [] : [first];
  const seen = new Set<number>();
  for (let depth = 0; depth < DEPTH && frontier.length > 0 && !known; depth++) {
    const next: number[] = [];
    for (const offset of frontier) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = wordnet.synset('n', offset);
      if (!synset) continue;
      if (synset.words.includes(kind)) known = true;
      for (const p of synset.pointers) if ((p.symbol === '@' || p.symbol === '@i') && p.pos === 'n') next.push(p.offset);
    }
    frontier = next;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, known);
  return known;
}
