/**
 * A misspelt name finds nothing: "Where did Jaishanker meet Lavrov?" abstained, though the
 * archive says "Jaishankar" throughout. Like a search engine's "showing results for", a word
 * that neither the archive nor the dictionary knows is read as a word the archive writes one
 * edit away (a letter left out, added, changed or two swapped: Damerau distance 1), its
 * commonest when several are (so a slip of the archive's own, used once, loses to the word it
 * slipped from). Left alone: words the dictionary knows, however rare in the archive
 * ("deliberate" is a word, not a slip for "deliberated"); a first letter (slips rarely fall
 * there, and "Herve" is no "Serve"); and a slip of a function word ("becaue" is "because",
 * not "became"). Pure, given the lookups.
 */
export interface SpellingLookups {
  /** How many chunks use the word's term (0: the archive never uses it). */
  frequency(word: string): number;
  /** Whether the dictionary lists the word or a form of it. */
  isWord(word: string): boolean;
  /** Whether the word is a stopword (never corrected). */
  isStopword(word: string): boolean;
  /**
   * Whether the archive writes this very word, not just another word of its term ("eate"
   * shares the term of "eat" and is written nowhere).
   */
  writes(word: string): boolean;
}

export interface Correction {
  /** The word as the question wrote it. */
  from: string;
  /** The archive's spelling, in the question's case. */
  to: string;
}

/** `Read "Jaishanker" as "Jaishankar".`, or nothing when no word was corrected: what a reply says of its corrections. */
export function describeCorrections(corrections: readonly Correction[]): string {
  if (corrections.length === 0) return '';
  return `Read ${corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')}.`;
}

/**
 * Shorter words have too many neighbours one edit away ("stats" → "state", "sould" →
 * "soul"): below this many letters a word is corrected only as the next constant says.
 */
const SHORTEST_CORRECTED = 6;
/**
 * Shorter words still, typed in lower case, are corrected only to the one word one edit away
 * that the archive uses, when it is a dictionary word ("peple" → "people").
 */
const SHORTEST_LOWER_CASE_CORRECTED = 4;
/** Longer runs of letters are no words (pasted noise): trying each edit of them is all cost. */
const LONGEST_CORRECTED = 30;
/** Candidates checked against the archive's text (`writes`), the likeliest first. */
const MOST_CHECKED = 5;
/** Letters tried for an added or changed letter: the word's own letters and a–z. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
/** Words of letters only (hyphens and apostrophes split them); digits and codes are left alone. */
const WORD = /\p{L}+/gu;

export function correctSpelling(question: string, lookups: SpellingLookups): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const text = question.replace(WORD, (word, offset: number) => {
    // A word glued to a digit or an apostrophe's tail ("B52s", "o'clock") is no plain word.
    const before = question[offset - 1] ?? ' ';
    const after = question[offset + word.length] ?? ' ';
    if (/[\p{N}'’]/u.test(before) || /[\p{N}]/u.test(after)) return word;
    const lower = word.toLowerCase();
    const length = [...lower].length;
    const short = length < SHORTEST_CORRECTED;
    // A short capitalised word is likelier a name the archive lacks ("Kohl") than a slip.
    if ((short && (length < SHORTEST_LOWER_CASE_CORRECTED || word !== lower)) || length > LONGEST_CORRECTED || lookups.isStopword(lower)) return word;
    if (lookups.frequency(lower) > 0 || lookups.isWord(lower)) return word;
    const best = commonestNeighbour(lower, lookups, short);
    if (!best) return word;
    const to = inCaseOf(word, best);
    corrections.push({ from: word, to });
    return to;
  });
  return { text, corrections };
}

/**
 * The archive's commonest word one edit from `word`, keeping its first letter: by how many
 * chunks use its term, then a dictionary word before another spelling of the same term
 * ("government" before "governent"), then alphabetically; the first the archive writes.
 */
function commonestNeighbour(word: string, lookups: SpellingLookups, onlyOne = false): string | undefined {
  const first = word[0];
  const candidates: Array<{ word: string; uses: number; isWord: boolean }> = [];
  for (const candidate of oneEditAway(word)) {
    if (candidate[0] !== first) continue;
    // A slip of a function word names nothing: no other word stands in for it.
    if (lookups.isStopword(candidate)) return undefined;
    const uses = lookups.frequency(candidate);
    if (uses > 0) candidates.push({ word: candidate, uses, isWord: lookups.isWord(candidate) });
  }
  if (onlyOne && (candidates.length !== 1 || !candidates[0]!.isWord)) return undefined;
  candidates.sort((a, b) => b.uses - a.uses || Number(b.isWord) - Number(a.isWord) || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return candidates.slice(0, MOST_CHECKED).find((c) => lookups.writes(c.word))?.word;
}

/** Every string one deletion, transposition, substitution or insertion away from `word`. */
export function oneEditAway(word: string): Set<string> {
  const letters = [...word];
  const alphabet = new Set([...ALPHABET, ...letters]);
  const out = new Set<string>();
  const join = (parts: string[]) => parts.join('');
  for (let i = 0; i <= letters.length; i++) {
    const head = letters.slice(0, i);
    const tail = letters.slice(i);
    if (tail.length > 0) out.add(join([...head, ...tail.slice(1)]));
    if (tail.length > 1) out.add(join([...head, tail[1]!, tail[0]!, ...tail.slice(2)]));
    for (const c of alphabet) {
      if (tail.length > 0 && c !== tail[0]) out.add(join([...head, c, ...tail.slice(1)]));
      out.add(join([...head, c, ...tail]));
    }
  }
  out.delete(word);
  return out;
}

/** `replacement` written the way `original` was: "JAISHANKAR", "Jaishankar" or "jaishankar". */
function inCaseOf(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
