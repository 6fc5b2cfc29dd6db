/** The files of a build folder (`index/build-…/`), beside the shared `index/segments/`. */
export const BUILD_FILES = {
  manifest: 'manifest.json',
  /** The HNSW graph of every live chunk vector (hnswlib writes it whole). */
  vectors: 'vectors.hnsw',
  /** What the embedder must restore at question time (hashed: IDF table and word vectors). */
  embedder: 'embedder.json',
  /** The corpus files this build read: relative path → size, mtime and the ids of its articles. */
  corpusFiles: 'corpus-files.json',
  /** Per segment, the articles deleted since it was written and what they took from BM25's statistics. */
  tombstones: 'tombstones.json',
  /** Acronyms the articles spell out ("Shanghai Cooperation Organisation (SCO)"). */
  acronyms: 'acronyms.json',
  /** Near-duplicate articles (wire copies): each kept article with the ids of its copies. */
  duplicates: 'duplicates.json',
  /** The articles answers may cite, newest first, with title, outlet and URL (see catalog.ts). */
  catalog: 'catalog.json',
} as const;

/** The file in the index folder that names the live build folder; replaced by rename. */
export const CURRENT_FILE = 'CURRENT';
/** Where segments live, shared by builds. */
export const SEGMENTS_DIR = 'segments';
