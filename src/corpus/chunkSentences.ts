import { CorpusError } from './errors.ts';
import { DEFAULT_CHUNK_OPTIONS, type Chunk, type ChunkOptions, type Span } from './types.ts';

/** Characters per word assumed when no text is given to count words in (English ≈ 5 + space). */
const CHARS_PER_WORD = 6;

/**
 * Group an article's sentences into chunks for embedding: consecutive sentences, at most
 * `maxSentences` sentences and `maxWords` words each (a longer single sentence is a chunk of
 * its own), consecutive chunks sharing `overlap` sentences so an answer spanning a chunk edge
 * is still found whole. Pass the article `text` to count words exactly; without it words are
 * estimated from span length. Throws a CorpusError (CHUNK_OPTIONS_INVALID) for bad options.
 */
export function chunkSentences(
  docId: string,
  sentences: readonly Span[],
  options: Partial<ChunkOptions> = {},
  text?: string,
): Chunk[] {
  const { maxSentences, maxWords, overlap } = resolveChunkOptions(options);
  const words = sentences.map((s) => (text === undefined ? Math.ceil((s.end - s.start) / CHARS_PER_WORD) : countWords(text, s)));
  const wordsIn = (from: number, to: number): number => {
    let total = 0;
    for (let i = from; i <= to; i++) total += words[i] ?? 0;
    return total;
  };

  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    let total = words[first] ?? 0;
    while (last + 1 < sentences.length && last + 1 - first < maxSentences && total + (words[last + 1] ?? 0) <= maxWords) {
      last++;
      total += words[last] ?? 0;
    }
    chunks.push(makeChunk(docId, sentences, first, last));
    if (last === sentences.length - 1) break;
    // Share up to `overlap` sentences, but always move forward and always reach a new sentence.
    let next = Math.max(last + 1 - overlap, first + 1);
    while (next <= last && (last + 2 - next > maxSentences || wordsIn(next, last + 1) > maxWords)) next++;
    first = next;
  }
  return chunks;
}

function makeChunk(docId: string, sentences: readonly Span[], first: number, last: number): Chunk {
  const start = sentences[first]?.start ?? 0;
  const end = sentences[last]?.end ?? start;
  return { docId, start, end, firstSentence: first, lastSentence: last };
}

function countWords(text: string, span: Span): number {
  const words = text.slice(span.start, span.end).match(/\S+/g);
  return words ? words.length : 0;
}

/** Defaults merged with `options` and checked once, with an error naming the bad value. */
export function resolveChunkOptions(options: Partial<ChunkOptions> = {}): ChunkOptions {
  const merged: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...withoutUndefined(options) };
  const { maxSentences, maxWords, overlap } = merged;
  const problem =
    !Number.isInteger(maxSentences) || maxSentences < 1
      ? `maxSentences = ${maxSentences} must be a whole number ≥ 1`
      : !Number.isInteger(maxWords) || maxWords < 1
        ? `maxWords = ${maxWords} must be a whole number ≥ 1`
        : !Number.isInteger(overlap) || overlap < 0
          ? `overlap = ${overlap} must be a whole number ≥ 0`
          : overlap >= maxSentences
            ? `overlap = ${overlap} must be smaller than maxSentences = ${maxSentences}`
            : null;
  if (problem) {
    throw new CorpusError('CHUNK_OPTIONS_INVALID', `invalid chunk options: ${problem}; fix the chunk options (defaults: ${JSON.stringify(DEFAULT_CHUNK_OPTIONS)})`);
  }
  return merged;
}

function withoutUndefined(options: Partial<ChunkOptions>): Partial<ChunkOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
