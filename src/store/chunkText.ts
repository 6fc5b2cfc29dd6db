import type { Span } from '../corpus/types.ts';

/**
 * What represents a chunk to the embedder and the lexical index: the article's title, then
 * the chunk's text. The title gives every chunk its article's subject, so a passage that says
 * "he" or "the summit" is still found by the names in the headline.
 */
export function chunkEmbeddingText(title: string, text: string, chunk: Span): string {
  return `${title}\n${text.slice(chunk.start, chunk.end)}`;
}
