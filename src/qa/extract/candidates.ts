import type { Sentence } from '../../corpus/types.ts';
import { isHeading } from '../../corpus/isHeading.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import type { ScoredChunk } from '../retrieve/retrieveChunks.ts';

/**
 * The sentences an answer may quote: every sentence of the best chunks, each with the best
 * retrieval score of a chunk holding it (relative to the top chunk) and that chunk's cosine
 * similarity to the question. Headings are never quoted.
 */
export interface CandidateSentence {
  sentence: Sentence;
  text: string;
  /** Analysed terms (as the index reads text). */
  terms: string[];
  /** Best fused retrieval score of a chunk holding it, divided by the top chunk's. */
  context: number;
  /** Cosine similarity of that chunk to the question. */
  semantic: number;
  /** Rank (0 = best) of its article among the retrieved articles. */
  articleRank: number;
}

/** How many of the best chunks lend their sentences. @default 12 */
export const DEFAULT_CHUNK_DEPTH = 12;

export function candidateSentences(index: LoadedIndex, chunks: readonly ScoredChunk[], chunkDepth = DEFAULT_CHUNK_DEPTH): CandidateSentence[] {
  const top = chunks.slice(0, chunkDepth);
  const best = top[0]?.score || 1;
  const articleRank = new Map<string, number>();
  for (const c of chunks) if (!articleRank.has(c.chunk.docId)) articleRank.set(c.chunk.docId, articleRank.size);
  const found = new Map<string, { sentence: Sentence; context: number; semantic: number }>();
  for (const c of top) {
    const sentences = index.sentencesOf(c.chunk.docId);
    for (let i = c.chunk.firstSentence; i <= c.chunk.lastSentence; i++) {
      const sentence = sentences[i];
      if (!sentence) continue;
      const key = sentenceKey(sentence);
      const context = c.score / best;
      const previous = found.get(key);
      if (!previous || previous.context < context) found.set(key, { sentence, context, semantic: c.semantic });
    }
  }
  const out: CandidateSentence[] = [];
  // An article's text once per question, not once per sentence (the store's cache is shared with postings).
  const texts = new Map<string, string>();
  for (const { sentence, context, semantic } of found.values()) {
    let article = texts.get(sentence.docId);
    if (article === undefined) texts.set(sentence.docId, (article = index.text(sentence.docId) ?? ''));
    const text = article.slice(sentence.start, sentence.end);
    if (isHeading(text)) continue;
    out.push({ sentence, text, terms: index.sentenceTerms(sentence), context, semantic, articleRank: articleRank.get(sentence.docId) ?? chunks.length });
  }
  return out;
}

/** The sentences either side of one in its article (one at an article's edge). */
export function neighboursOf(index: LoadedIndex, sentence: Sentence): Sentence[] {
  const siblings = index.sentencesOf(sentence.docId);
  return [siblings[sentence.index - 1], siblings[sentence.index + 1]].filter((s): s is Sentence => !!s);
}

export function textOf(index: LoadedIndex, s: { docId: string; start: number; end: number }): string {
  return (index.text(s.docId) ?? '').slice(s.start, s.end);
}

/** A sentence's identity across turns: `docId#index`. */
export function sentenceKey(s: { docId: string; index: number }): string {
  return `${s.docId}#${s.index}`;
}
