import { isStopword, stemWord } from '../../analyze/analyzeTerms.ts';
import { oneEditAway } from '../question/correctSpelling.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import type { CasingLookups } from '../question/restoreCase.ts';
import { termChunkTexts } from './archiveSpelling.ts';
import { wholeWordAt } from './wholeWordAt.ts';

/** Chunks read for a word's forms: its term's best few (a name is written the same way in each). */
const CHUNKS_READ = 5;

/** Words whose forms are kept per index; the cache starts over beyond this many. */
const FORMS_CACHED = 20_000;
/**
 * Each word's forms, per index (a new build is another index): reading them is a search and a
 * few chunk texts, and the same words come back question after question.
 */
const formsCache = new WeakMap<LoadedIndex, Map<string, ReadonlyMap<string, number>>>();

/** What case restoration asks of an archive: the forms its text writes a word in, WordNet. */
export function archiveCasing(index: LoadedIndex): CasingLookups {
  let cache = formsCache.get(index);
  if (!cache) formsCache.set(index, (cache = new Map()));
  const known = cache;
  return {
    isWord: (word) => index.isWord(word),
    isStopword,
    nearKnownWord(word) {
      for (const near of oneEditAway(word.toLowerCase())) {
        if (isStopword(near)) return true;
        if (index.lexical.documentFrequency(stemWord(near)) > 0 && index.isWord(near)) return true;
      }
      return false;
    },
    forms(word) {
      const cached = known.get(word);
      if (cached) return cached;
      if (known.size >= FORMS_CACHED) known.clear();
      const forms = new Map<string, number>();
      for (const text of termChunkTexts(index, word, CHUNKS_READ)) {
        for (const at of wholeWordAt(text, word)) {
          // A sentence's first word is capitalised whatever it is.
          const before = text.slice(Math.max(0, at - 8), at).trimEnd();
          if (before === '' || /[.!?:"“‘]$/u.test(before)) continue;
          const form = text.slice(at, at + word.length);
          forms.set(form, (forms.get(form) ?? 0) + 1);
        }
      }
      known.set(word, forms);
      return forms;
    },
  };
}
