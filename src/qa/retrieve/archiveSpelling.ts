import { foldAccents, isStopword, stemWord } from '../../analyze/analyzeTerms.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import type { SpellingLookups } from '../question/correctSpelling.ts';
import { wholeWordAt } from './wholeWordAt.ts';

/**
 * Chunks read to see whether the archive writes a word (its term's best ones). A term may be
 * several words' ("feder": Federer and federal), and the best chunks may all be one's.
 */
const CHUNKS_READ = 20;

/** What spelling correction asks of an archive: its terms, WordNet, and its text. */
export function archiveSpelling(index: LoadedIndex): SpellingLookups {
  return {
    frequency: (word) => index.lexical.documentFrequency(stemWord(word)),
    isWord: (word) => index.isWord(word),
    isStopword,
    writes(word) {
      for (const text of termChunkTexts(index, word, CHUNKS_READ)) {
        // Accents folded, as the index reads them: "zurich" is written in "Zürich".
        if (wholeWordAt(foldAccents(text.toLowerCase()), word).length > 0) return true;
      }
      return false;
    },
  };
}

/** The texts of the best chunks of a word's term, best first: where the archive writes it, if anywhere. */
export function* termChunkTexts(index: LoadedIndex, word: string, limit: number): Generator<string> {
  for (const { label } of index.lexical.search(new Map([[stemWord(word), 1]]), limit)) {
    const chunk = index.chunk(label);
    const text = chunk && index.text(chunk.docId);
    if (chunk && text !== undefined) yield text.slice(chunk.start, chunk.end);
  }
}
