import type { Article, Sentence } from '../corpus/types.ts';
import type { Embedder } from '../embed/types.ts';
import type { IndexData, StoredChunk } from '../store/indexData.ts';

/** An index ready for questions: the stored data plus lookups built once at load time. */
export interface LoadedIndex {
  data: IndexData;
  embedder: Embedder;
  articleById: Map<string, Article>;
  /** Chunk position (= lexical unit) by HNSW label. */
  positionByLabel: Map<number, number>;
  /** Each article's sentences in order. */
  sentencesByDoc: Map<string, Sentence[]>;
}

export function prepareIndex(data: IndexData, embedder: Embedder): LoadedIndex {
  const sentencesByDoc = new Map<string, Sentence[]>();
  for (const s of data.sentences) {
    let list = sentencesByDoc.get(s.docId);
    if (!list) sentencesByDoc.set(s.docId, (list = []));
    list.push(s);
  }
  for (const list of sentencesByDoc.values()) list.sort((a, b) => a.index - b.index);
  return {
    data,
    embedder,
    articleById: new Map(data.articles.map((a) => [a.id, a])),
    positionByLabel: new Map(data.chunks.map((c: StoredChunk, i) => [c.label, i])),
    sentencesByDoc,
  };
}
