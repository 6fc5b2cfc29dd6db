import { casedWords, irregularBase, isStopword, stemWord } from '../analyze/analyzeTerms.ts';

/**
 * "Which resort…?", "What is the name of the Kremlin spokesperson…?" ask for the name of a
 * thing of some kind. An article that speaks of "a luxury beach resort in Goa" or "a Kremlin
 * spokesperson" without ever naming it is the near miss users notice: it is about the right
 * thing and cannot answer. Naming is read from capitalisation next to the kind's word:
 * "the Kudankulam nuclear power plant", "Deputy Prime Minister Manturov".
 */

/** Words read after "which" or "the name of the" to find the kind's word (its last). */
const KIND_WORDS = 4;
/** How far from the kind's word a name may stand: "the Kudankulam nuclear power plant". */
const NAME_REACH = 3;

/**
 * The words of the kind's phrase, as cased in the question: "Which *resort state* known for…"
 * → [resort, state]. A name may stand by any of its common nouns ("a resort in Goa").
 */
function askedKindPhrase(question: string): string[] | undefined {
  const cased = casedWords(question).map((w) => w.replace(/['’]s$/, ''));
  const words = cased.map((w) => w.toLowerCase());
  const start = kindStart(words);
  if (start === undefined) return undefined;
  let end = start;
  for (let i = start; i < Math.min(words.length, start + KIND_WORDS); i++) {
    const w = words[i]!;
    // The kind's phrase ends at the verb or preposition that follows it ("city *hosted*", "summit *in*").
    if (isStopword(w) || /(?:ed|ing|ly)$/.test(w) || irregularBase(w) !== w) break;
    end = i + 1;
  }
  return end > start ? cased.slice(start, end) : undefined;
}

/**
 * The words for the kind whose name the question asks for, its head last: "Which resort
 * state…" → [resort, state]. A capitalised modifier says which, it is not the kind ("Which
 * Laotian city" → [city]); the head always is ("Which Deputy Prime Minister" → [minister]).
 * Empty when the question asks for no kind.
 */
export function askedKindNouns(question: string): string[] {
  const phrase = askedKindPhrase(question) ?? [];
  const modifiers = phrase.slice(0, -1).filter((w) => !/^\p{Lu}/u.test(w));
  return [...modifiers, ...phrase.slice(-1)].map((w) => w.toLowerCase());
}

function kindStart(words: string[]): number | undefined {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'which' && words[i + 1] !== 'of') return i + 1;
    // "what is the name of the…", "name the…"
    if (words[i] === 'name' && words[i + 1] === 'of') return words[i + 2] === 'the' || words[i + 2] === 'a' ? i + 3 : i + 2;
  }
  return undefined;
}

export type KindNaming = 'named' | 'unnamed' | 'absent';

/**
 * Whether a sentence names a thing of the kind: 'named' when a capitalised word or a figure
 * the question does not use stands within reach of the kind's word (any of `kind`'s words),
 * 'unnamed' when the kind's word is there with no such name, 'absent' when the sentence does
 * not speak of the kind at all.
 */
export function kindNaming(sentence: string, kind: string | readonly string[], questionTerms: ReadonlySet<string>): KindNaming {
  const kinds = typeof kind === 'string' ? [kind] : kind;
  const words = casedWords(sentence);
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    // The noun itself, singular or plural: a stem would also take the verb ("state" → "stated").
    const word = words[i]!.toLowerCase().replace(/['’]s$/, '');
    if (!kinds.some((k) => sameNoun(word, k))) continue;
    seen = true;
    for (let j = Math.max(1, i - NAME_REACH); j <= Math.min(words.length - 1, i + NAME_REACH); j++) {
      const w = words[j]!;
      // A capitalised word or a figure names it: "the Taj Exotica resort", "the 50 fund".
      if (j === i || !/^[\p{Lu}\p{N}]/u.test(w)) continue;
      const lower = w.toLowerCase().replace(/['’]s$/, '');
      if (!isStopword(lower) && !questionTerms.has(stemWord(lower))) return 'named';
    }
  }
  return seen ? 'unnamed' : 'absent';
}

function sameNoun(word: string, kind: string): boolean {
  const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(?<=[sxz]|ch|sh)es$/, '').replace(/(?<!s)s$/, '');
  return word === kind || singular(word) === singular(kind);
}
