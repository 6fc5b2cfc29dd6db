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

/** The word for the kind whose name the question asks for ("resort"), if it asks for one. */
export function askedKind(question: string): string | undefined {
  const words = casedWords(question).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  const start = kindStart(words);
  if (start === undefined) return undefined;
  let head: string | undefined;
  for (let i = start; i < Math.min(words.length, start + KIND_WORDS); i++) {
    const w = words[i]!;
    // The kind's phrase ends at the verb or preposition that follows it ("city *hosted*", "summit *in*").
    if (isStopword(w) || /(?:ed|ing|ly)$/.test(w) || irregularBase(w) !== w) break;
    head = w;
  }
  return head;
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
 * Whether a sentence names a thing of the kind: 'named' when a capitalised word the question
 * does not use stands within reach of the kind's word, 'unnamed' when the kind's word is there
 * with no such name, 'absent' when the sentence does not speak of the kind at all.
 */
export function kindNaming(sentence: string, kind: string, questionTerms: ReadonlySet<string>): KindNaming {
  const words = casedWords(sentence);
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    // The noun itself, singular or plural: a stem would also take the verb ("state" → "stated").
    if (!sameNoun(words[i]!.toLowerCase().replace(/['’]s$/, ''), kind)) continue;
    seen = true;
    for (let j = Math.max(1, i - NAME_REACH); j <= Math.min(words.length - 1, i + NAME_REACH); j++) {
      const w = words[j]!;
      if (j === i || !/^\p{Lu}/u.test(w)) continue;
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
