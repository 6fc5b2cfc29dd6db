import type { Article, Chunk, Sentence } from '../corpus/types.ts';
import type { LexicalIndex } from './lexicalIndex.ts';
import type { Manifest } from './manifest.ts';
import type { VectorIndex } from './vectorIndex.ts';

/** A chunk as stored: with the label of its vector in the HNSW graph. */
export interface StoredChunk extends Chunk {
  label: number;
}

/** Everything an index holds, in memory. Chunk position i is lexical unit i. */
export interface IndexData {
  manifest: Manifest;
  articles: Article[];
  sentences: Sentence[];
  chunks: StoredChunk[];
  vectors: VectorIndex;
  lexical: LexicalIndex;
  /** Whatever the embedder must restore at question time (hashed: its IDF table). */
  embedderState: unknown;
}

/** The JSON tables file. */
export interface IndexTables {
  articles: Article[];
  sentences: Sentence[];
  chunks: StoredChunk[];
}

export const INDEX_FILES = {
  manifest: 'manifest.json',
  vectors: 'vectors.hnsw',
  lexical: 'lexical.json',
  tables: 'tables.json',
  embedder: 'embedder.json',
} as const;

/** The file in the index folder that names the live build folder; replaced by rename. */
export const CURRENT_FILE = 'CURRENT';
