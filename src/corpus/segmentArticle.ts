import { chunkSentences } from './chunkSentences.ts';
import { splitSentences } from './splitSentences.ts';
import type { Article, Chunk, ChunkOptions, Sentence } from './types.ts';

/**
 * Cut an article into its sentences (the units an answer quotes) and chunks (the units that
 * are embedded and retrieved), both as offsets into `article.text`.
 */
export function segmentArticle(
  article: Article,
  options: Partial<ChunkOptions> = {},
): { sentences: Sentence[]; chunks: Chunk[] } {
  const spans = splitSentences(article.text);
  const sentences = spans.map((s, index): Sentence => ({ docId: article.id, index, start: s.start, end: s.end }));
  const chunks = chunkSentences(article.id, spans, options, article.text);
  return { sentences, chunks };
}
