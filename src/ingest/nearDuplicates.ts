import { tokenizeWords } from '../analyze/analyzeTerms.ts';

/**
 * Wire copies of one story (the same agency text run by several outlets, or one article
 * ingested twice) are found at ingest by SimHash (Charikar 2002; Manku, Jain & Das Sarma 2007,
 * "Detecting near-duplicates for web crawling"): a 64-bit fingerprint of the text's word
 * 4-grams, where near-identical texts differ in a few bits. Copies within `MAX_DISTANCE` bits
 * form a cluster; one article of each is kept for retrieval and cites the others ("also in").
 */

/** Bits two fingerprints may differ in and still be one story (Manku et al. use 3 of 64). */
export const MAX_DISTANCE = 3;
const SHINGLE = 4;
/** Texts shorter than this many words get no fingerprint: short notes collide by chance. */
const MIN_WORDS = 40;

/** The SimHash of a text as 16 hex digits, or undefined for a text too short to judge. */
export function fingerprint(text: string): string | undefined {
  return fingerprintWords(tokenizeWords(text));
}

/** The same over words already cut (ingest passes the analysed terms it has: no second pass over the text). */
export function fingerprintWords(words: readonly string[]): string | undefined {
  if (words.length < MIN_WORDS) return undefined;
  // SimHash adds +1 per shingle with a bit set and −1 per one without: the sign of each bit's
  // sum is the sign of 2·(shingles with it set) − shingles, so only the set bits are counted
  // (no branch per bit: this loop is a tenth of a full build's main thread otherwise).
  const ones = new Int32Array(64);
  let shingles = 0;
  // Each word hashed once; a shingle's 64 bits mix its words' hashes in order.
  const hashes = words.map(hash32);
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    let hi = 0x811c9dc5;
    let lo = 0x9e3779b9;
    for (let k = 0; k < SHINGLE; k++) {
      const h = hashes[i + k]!;
      hi = Math.imul(hi ^ h, 0x01000193);
      lo = Math.imul(lo ^ ((h << 13) | (h >>> 19)), 0x5bd1e995) ^ (lo >>> 15);
    }
    hi = mix(hi);
    lo = mix(lo);
    for (let bit = 0; bit < 32; bit++) {
      ones[bit]! += (hi >>> bit) & 1;
      ones[32 + bit]! += (lo >>> bit) & 1;
    }
    shingles++;
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > shingles) hi |= 1 << bit;
    if (2 * ones[32 + bit]! > shingles) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Bits in which two fingerprints differ. */
export function distance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      bits++;
    }
  }
  return bits;
}

export interface Fingerprinted {
  id: string;
  date: string | null;
  fingerprint?: string;
}

/**
 * Group articles whose fingerprints differ in at most MAX_DISTANCE bits. Candidates are found
 * by banding (the 64 bits in 4 bands of 16: two fingerprints within 3 bits agree on at least
 * one band), so the work grows with the archive, not with its square. Each group keeps its
 * earliest article (then the smallest id): the original report. Returns kept id → copy ids.
 */
export function findCopies(articles: Iterable<Fingerprinted>): Map<string, string[]> {
  const list = [...articles].filter((a) => a.fingerprint);
  const parent = new Map<string, string>(list.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (let band = 0; band < 4; band++) {
    const buckets = new Map<string, Fingerprinted[]>();
    for (const a of list) {
      const key = a.fingerprint!.slice(band * 4, band * 4 + 4);
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = []));
      bucket.push(a);
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i]!;
          const b = bucket[j]!;
          if (find(a.id) !== find(b.id) && distance(a.fingerprint!, b.fingerprint!) <= MAX_DISTANCE) parent.set(find(a.id), find(b.id));
        }
      }
    }
  }
  const groups = new Map<string, Fingerprinted[]>();
  for (const a of list) {
    const root = find(a.id);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(a);
  }
  const copies = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    copies.set(group[0]!.id, group.slice(1).map((a) => a.id));
  }
  return copies;
}

/** FNV-1a of a word: stable everywhere (fingerprints are stored). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A finaliser (MurmurHash3's) so every output bit depends on every input bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
