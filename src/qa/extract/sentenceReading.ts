import { isStopword, stemWord } from '../../analyze/analyzeTerms.ts';
import type { Sentence } from '../../corpus/types.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import { textOf } from './candidates.ts';

/**
 * What the ranking features read of a sentence whatever the question (its term set, its words
 * with their stems), read once and kept beside the index's own cache of the sentence.
 */
export interface SentenceReading {
  terms: ReadonlySet<string>;
  /** Read when first asked for: only typed questions measure nearness. */
  readonly words: SentenceWords;
}

/**
 * Readings kept as long as the index keeps the sentence (its article's cache entry): a sentence
 * is a candidate for question after question, and the neighbour of two others in each.
 */
const readings = new WeakMap<Sentence, SentenceReading>();

export function readingOf(index: LoadedIndex, sentence: Sentence, text?: string): SentenceReading {
  let reading = readings.get(sentence);
  if (!reading) {
    let words: SentenceWords | undefined;
    reading = {
      terms: new Set(index.sentenceTerms(sentence)),
      get words() {
        return (words ??= wordsOf(text ?? textOf(index, sentence)));
      },
    };
    readings.set(sentence, reading);
  }
  return reading;
}

/** How many of an article's sentences hold each term: counted once per article, kept as long as the index keeps its sentences. */
const heldCounts = new WeakMap<readonly Sentence[], ReadonlyMap<string, number>>();

export function sentencesHolding(index: LoadedIndex, docId: string): { sentences: number; held: ReadonlyMap<string, number> } {
  const sentences = index.sentencesOf(docId);
  let held = heldCounts.get(sentences);
  if (!held) {
    // From the sentences' analysed terms, which the article's own coverage has read already;
    // a term counts once per sentence.
    const counts = new Map<string, number>();
    const lastSeen = new Map<string, number>();
    sentences.forEach((sentence, i) => {
      for (const term of index.sentenceTerms(sentence)) {
        if (lastSeen.get(term) === i) continue;
        lastSeen.set(term, i);
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    });
    heldCounts.set(sentences, (held = counts));
  }
  return { sentences: sentences.length, held };
}

/** A sentence's words: where each ends, and its stem (undefined for a stopword). */
export interface SentenceWords {
  ends: number[];
  stems: Array<string | undefined>;
}

/** A sentence's words, as the nearness features measure them. */
export function wordsOf(text: string): SentenceWords {
  const ends: number[] = [];
  const stems: Array<string | undefined> = [];
  for (const w of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const lower = w[0].toLowerCase();
    ends.push(w.index + w[0].length);
    stems.push(isStopword(lower) ? undefined : stemWord(lower));
  }
  return { ends, stems };
}
