import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import { segmentArticle } from '../corpus/segmentArticle.ts';
import type { Article, Chunk, ChunkOptions, Span } from '../corpus/types.ts';
import { chunkEmbeddingText } from '../store/chunkText.ts';
import { hashArticle } from './articleHash.ts';
import { fingerprintWords } from './nearDuplicates.ts';

/** An article cut for the index: sentences, chunks with their analysed terms, and its SimHash. */
export interface PreparedArticle {
  article: Article;
  hash: string;
  fingerprint: string | undefined;
  sentences: Span[];
  chunks: Array<Chunk & { terms: string[]; text: string }>;
}

/** Pure: the same article and options always give the same result. */
export function prepareArticle(article: Article, chunking: ChunkOptions): PreparedArticle {
  const { sentences, chunks } = segmentArticle(article, chunking);
  const prepared = chunks.map((c) => {
    const text = chunkEmbeddingText(article.title, article.text, c);
    return { ...c, text, terms: analyzeTerms(text) };
  });
  // The fingerprint reads the body's analysed words: each chunk's terms after its title's.
  const titleTerms = analyzeTerms(article.title).length;
  return {
    article,
    hash: hashArticle(article, sentences),
    fingerprint: fingerprintWords(prepared.flatMap((c) => c.terms.slice(titleTerms))),
    sentences: sentences.map(({ start, end }) => ({ start, end })),
    chunks: prepared,
  };
}
