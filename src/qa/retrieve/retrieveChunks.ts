import type { StoredChunk } from '../../store/indexStore.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';

/**
 * Hybrid retrieval over chunks: the HNSW graph and BM25 each propose candidates, scores are
 * normalised per query and fused by weight (BM25 by its best score, cosine as is), then
 * multiplied by soft preferences (the question's dates, the conversation's articles).
 * Nothing here embeds corpus text: only the question is embedded.
 */
export interface RetrieveOptions {
  /** Candidates taken from each side. @default 60 */
  depth: number;
  /** Weight of BM25 in the fused score (the rest goes to cosine similarity). @default 0.5 (SciFact, docs/quality.md) */
  lexicalWeight: number;
  /** Hard filter on articles (the since/until options). */
  acceptDoc?: (docId: string) => boolean;
  /** Multiplier per article (date affinity, conversation focus); 1 when absent. */
  docBoost?: (docId: string) => number;
}

export const DEFAULT_RETRIEVE_OPTIONS: Readonly<RetrieveOptions> = Object.freeze({ depth: 60, lexicalWeight: 0.5 });

export interface ScoredChunk {
  chunk: StoredChunk;
  score: number;
  /** BM25 divided by the best BM25 for this query, in [0, 1]. */
  lexical: number;
  /** Cosine similarity to the question (0 when the vector side did not propose it). */
  semantic: number;
}

export function retrieveChunks(
  index: LoadedIndex,
  queryTerms: ReadonlyMap<string, number>,
  queryVector: Float32Array,
  options: Partial<RetrieveOptions> = {},
): ScoredChunk[] {
  const o = { ...DEFAULT_RETRIEVE_OPTIONS, ...options };
  // Only chunks answers may come from (not a deleted article's, not a copy of a story), and
  // inside since/until when given.
  const docOf = (label: number) => index.chunk(label)?.docId;
  const accept = o.acceptDoc
    ? (label: number) => index.isLive(label) && o.acceptDoc!(docOf(label) ?? '')
    : (label: number) => index.isLive(label);
  const lexicalHits = index.lexical.search(queryTerms, o.depth, accept);
  // The store keeps chunks that are not live out of the graph: only since/until filters it.
  const vectorHits = index.vectors.search(queryVector, o.depth, o.acceptDoc ? accept : undefined);

  const candidates = new Map<number, { lexical: number; semantic: number }>();
  const best = lexicalHits[0]?.score ?? 0;
  for (const hit of lexicalHits) candidates.set(hit.label, { lexical: best > 0 ? hit.score / best : 0, semantic: 0 });
  for (const hit of vectorHits) {
    const entry = candidates.get(hit.label) ?? { lexical: 0, semantic: 0 };
    entry.semantic = Math.max(0, hit.similarity);
    candidates.set(hit.label, entry);
  }
  // A chunk proposed by BM25 only still has a cosine similarity worth knowing.
  for (const [label, entry] of candidates) {
    if (entry.semantic === 0) entry.semantic = Math.max(0, cosine(queryVector, index.vectors.vector(label)));
  }

  const scored: ScoredChunk[] = [];
  for (const [label, { lexical, semantic }] of candidates) {
    const chunk = index.chunk(label);
    if (!chunk) continue;
    const boost = o.docBoost ? o.docBoost(chunk.docId) : 1;
    scored.push({ chunk, lexical, semantic, score: (o.lexicalWeight * lexical + (1 - o.lexicalWeight) * semantic) * boost });
  }
  scored.sort((a, b) => b.score - a.score || a.chunk.label - b.chunk.label);
  return scored;
}

/** The best distinct articles, scored by their best chunk. */
export function rankArticles(chunks: ScoredChunk[], limit = 10): Array<{ docId: string; score: number }> {
  const seen = new Map<string, number>();
  for (const c of chunks) if (!seen.has(c.chunk.docId)) seen.set(c.chunk.docId, c.score);
  return [...seen].slice(0, limit).map(([docId, score]) => ({ docId, score: round(score) }));
}

/**
 * Maximal marginal relevance: re-order so the top of the list is relevant and varied
 * (a chunk from an article already shown, or one whose vector repeats a shown one, pays).
 */
export function diversify(index: LoadedIndex, chunks: ScoredChunk[], limit: number, lambda = 0.7): ScoredChunk[] {
  const pool = chunks.slice(0, Math.max(limit * 4, 20));
  const vectors = new Map(pool.map((c) => [c.chunk.label, index.vectors.vector(c.chunk.label)]));
  const chosen: ScoredChunk[] = [];
  while (chosen.length < limit && pool.length > 0) {
    let bestAt = 0;
    let bestValue = -Infinity;
    pool.forEach((candidate, i) => {
      let redundancy = 0;
      for (const c of chosen) {
        const sim = c.chunk.docId === candidate.chunk.docId ? 1 : cosine(vectors.get(c.chunk.label)!, vectors.get(candidate.chunk.label)!);
        redundancy = Math.max(redundancy, sim);
      }
      const value = lambda * candidate.score - (1 - lambda) * redundancy * (pool[0]?.score ?? 1);
      if (value > bestValue) {
        bestValue = value;
        bestAt = i;
      }
    });
    chosen.push(pool.splice(bestAt, 1)[0]!);
  }
  return chosen;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
