import { analyzeTerms, isStopword, tokenizeWords } from '../analyze/analyzeTerms.ts';

/**
 * A run of two or more capitalised words on one line: a title and a name ("Kremlin
 * Spokesperson Dmitry Peskov"). Read within a sentence, where a full stop is an initial's.
 */
export const CAPITALISED_RUN = /(?:\p{Lu}[\p{L}'’.-]*[^\S\r\n]+)+\p{Lu}[\p{L}'’-]*/gu;

/** The titles one name is given across the archive. */
export interface ArchiveTitles {
  /** Analysed, to match a question's words ("extern", "affair", "minist", "indian"). */
  terms: string[];
  /** Lower-cased as written, to look up in WordNet ("external", "indian", "philippine"). */
  words: string[];
  /** The name itself, lower-cased as first written ("manturov", "structure"). */
  written: string;
}

/**
 * Every title each name carries anywhere in the archive (read sentence by sentence), by the
 * name's analysed word. Outlets title one person differently ("External Affairs Minister S
 * Jaishankar" in one, "Indian Foreign Minister Subrahmanyam Jaishankar" in another), and a
 * question may use any of them: "What did India's foreign minister say…" asks for Jaishankar's
 * words in an article that never calls him that. A name is a word the archive never writes in
 * lower case, so "minister" is no name and does not collect every title that ends in it.
 */
export function titlesByName(sentences: Iterable<string>): Map<string, ArchiveTitles> {
  const lowerCaseWords = new Set<string>();
  const titles = new Map<string, Set<string>>();
  const written = new Map<string, string>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) lowerCaseWords.add(m[0]);
    for (const m of sentence.matchAll(CAPITALISED_RUN)) {
      const words = runWords(m[0]);
      const name = analyzeTerms(words.at(-1) ?? '')[0];
      if (words.length < 2 || name === undefined) continue;
      let set = titles.get(name);
      if (!set) titles.set(name, (set = new Set()));
      if (!written.has(name)) written.set(name, words.at(-1)!.toLowerCase().replace(/['’]s$/, ''));
      for (const w of words.slice(0, -1)) set.add(w);
    }
  }
  // Analysed once per distinct word: a long archive writes the same words over and over.
  const lowerCase = new Set([...lowerCaseWords].flatMap((w) => analyzeTerms(w)));
  const out = new Map<string, ArchiveTitles>();
  for (const [name, set] of titles) {
    if (lowerCase.has(name)) continue;
    const words = [...set];
    out.set(name, { words, terms: [...new Set(words.flatMap((w) => analyzeTerms(w)))], written: written.get(name)! });
  }
  return out;
}

/** A capitalised run's words, less the stopwords a sentence may open with ("*On* Thursday", "*During* Jaishankar's visit"). */
export function runWords(run: string): string[] {
  const words = tokenizeWords(run);
  let start = 0;
  while (start < words.length && isStopword(words[start]!)) start++;
  return words.slice(start);
}

/** A sentence's speaker (analysed words, name last) with the titles its name carries elsewhere in the archive. */
export function withArchiveTitles(speaker: string[], titles: ReadonlyMap<string, ArchiveTitles>): string[] {
  const elsewhere = speaker.length > 0 ? titles.get(speaker.at(-1)!) : undefined;
  return elsewhere ? [...new Set([...speaker, ...elsewhere.terms])] : speaker;
}
