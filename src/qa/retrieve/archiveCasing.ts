import { isStopword, stemWord } from '../../analyze/analyzeTerms.ts';
import { oneEditAway } from '../question/correctSpelling.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import type { CasingLookups } from '../question/restoreCase.ts';
import { termChunkTexts } from './archiveSpelling.ts';

/** Chunks read for a word's forms: its term's best few (a name is written the same way in each). */
const CHUNKS_READ = 5;

/** What case restoration asks of an archive: the forms its text writes a word in, WordNet. */
export function archiveCasing(index: LoadedIndex): CasingLookups {
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
      const forms = new Map<string, number>();
      const whole = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu');
      for (const text of termChunkTexts(index, word, CHUNKS_READ)) {
        for (const m of text.matchAll(whole)) {
          // A sentence's first word is capitalised whatever it is.
          const before = text.slice(Math.max(0, m.index - 8), m.index).trimEnd();
          if (before === '' || /[.!?:"“‘]$/u.test(before)) continue;
          forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
        }
      }
      return forms;
    },
  };
}
