import { analyzeTerms, casedWords, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { CAPITALISED_RUN, runWords, type ArchiveTitles } from './archiveTitles.ts';

/**
 * "Who is China's foreign minister?", "Who is the Laotian foreign minister…?", "Who represented
 * Pakistan at…?" ask for a person of one country. An archive that names only the Russian and
 * the Indian ministers cannot answer them, however well "Russian Foreign Minister Sergey Lavrov
 * arrived for the meeting" matches the rest of the question: the near miss users notice first.
 */

const BE = String.raw`(?:is|was|are|were|will be|has been|had been)`;
/** Capitalised words that may say whose person is asked for, by where they stand. */
const OWNER_PATTERNS: RegExp[] = [
  // "Who is China's foreign minister", "Who is the Laotian foreign minister"
  new RegExp(String.raw`^who ${BE} (?:the |a |an )?(\p{Lu}[\p{L}-]*)(?:['’]s?)? \p{L}`, 'u'),
  // "Who represented Pakistan at…"
  /^who (?:represent(?:s|ed)?|spoke for) (?:the )?(\p{Lu}[\p{L}-]*)/u,
];
/** "Who is the foreign minister of Laos", "the Secretary of Foreign Affairs of the Philippines". */
const OF_OWNER = new RegExp(String.raw`^who ${BE} the ([^?,]*)`, 'u');

/** Words of the question that may name whose person it asks for; the caller keeps the places. */
export function askedOwnerWords(question: string): string[] {
  const q = question.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/^who\b/i, 'who');
  const out: string[] = [];
  for (const pattern of OWNER_PATTERNS) {
    const match = pattern.exec(q);
    if (match) out.push(match[1]!);
  }
  const role = OF_OWNER.exec(q)?.[1] ?? '';
  // The role phrase ends where a clause about it starts: "…of the Philippines that Jaishankar…".
  const phrase = role.split(/\b(?:that|who|whom|which|whose|when|where)\b/u)[0]!;
  for (const m of phrase.matchAll(/\bof (?:the )?(\p{Lu}[\p{L}-]*)/gu)) out.push(m[1]!);
  return out.map((w) => w.toLowerCase());
}

/** Words either side of a name that may say where its person is from: "the Philippines, Enrique Manalo". */
const NEAR = 3;

/** What tells where a named person is from: the archive's titles and WordNet's place names. */
export interface OwnerLookups {
  titles: ReadonlyMap<string, ArchiveTitles>;
  /** Names of the place a word names or pertains to (places.ts). */
  placeNames: (word: string) => ReadonlySet<string>;
}

/**
 * Whether the quoted sentences name people of other places only: someone is named, each one
 * named is tied to a place, by the titles the archive gives them ("Russian Foreign Minister
 * Sergey Lavrov") or by a place beside their name, and none to an asked place. A person tied to
 * no place ("Deputy Prime Minister Denis Manturov") may be the asked one: then no miss.
 */
export function namesOnlyOthers(quoted: readonly string[], asked: ReadonlySet<string>, lookups: OwnerLookups): boolean {
  const { titles, placeNames } = lookups;
  const isPlaceWord = (w: string) => placeNames(w).size > 0;
  let named = false;
  for (const sentence of quoted) {
    const words = casedWords(sentence);
    for (const person of peopleNamed(sentence, words, titles, isPlaceWord)) {
      const around = words.slice(Math.max(0, person.from - NEAR), person.to + NEAR).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
      const places = [...person.titleWords, ...around].flatMap((w) => [...placeNames(w)]);
      if (places.length === 0 || places.some((p) => asked.has(p))) return false;
      named = true;
    }
  }
  return named;
}

interface NamedPerson {
  /** Word positions of the name's run in the sentence ([from, to)). */
  from: number;
  to: number;
  titleWords: readonly string[];
}

/**
 * People a sentence names: a run of capitalised words that is no place and does not end in
 * one ("Foreign Minister Sergey Lavrov", "Enrique Manalo"), or one capitalised word the
 * archive titles elsewhere ("Lavrov said").
 */
function peopleNamed(sentence: string, words: readonly string[], titles: ReadonlyMap<string, ArchiveTitles>, isPlaceWord: (w: string) => boolean): NamedPerson[] {
  const out: NamedPerson[] = [];
  const covered = new Set<number>();
  for (const m of sentence.matchAll(CAPITALISED_RUN)) {
    const run = runWords(m[0]);
    const last = run.at(-1);
    const to = tokenizeWords(sentence.slice(0, m.index! + m[0].length)).length;
    const from = to - run.length;
    for (let i = from; i < to; i++) covered.add(i);
    // "Kyrgyz Republic", "Tamil Nadu": a place spelled in several words names nobody.
    if (run.length < 2 || last === undefined || isPlaceWord(last) || isPlaceWord(run.join('_'))) continue;
    out.push({ from, to, titleWords: titles.get(analyzeTerms(last)[0] ?? '')?.words ?? [] });
  }
  words.forEach((word, i) => {
    if (covered.has(i) || !/^\p{Lu}/u.test(word) || isPlaceWord(word)) return;
    const title = titles.get(analyzeTerms(word)[0] ?? '');
    if (title) out.push({ from: i, to: i + 1, titleWords: title.words });
  });
  return out;
}
