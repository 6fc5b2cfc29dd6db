import { z } from 'zod';

/**
 * Bump when the saved layout changes; an index of another version is rebuilt, not misread.
 * 3: segments of binary columns and block-max postings, one HNSW graph per build.
 * 4: the article catalog (catalog.json), newest first, written at ingest.
 */
export const INDEX_FORMAT_VERSION = 4;

const fileEntry = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() });

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  /** ANALYZER_VERSION of the term analysis the postings and hashed vectors were built with. */
  analyzer: z.number().int(),
  builtAt: z.string(),
  embedder: z.object({ name: z.enum(['minilm', 'hashed']), dims: z.number().int().positive(), fingerprint: z.string() }),
  chunking: z.object({ maxSentences: z.number(), maxWords: z.number(), overlap: z.number() }),
  hnsw: z.object({ m: z.number(), efConstruction: z.number() }),
  /** Live articles, chunks and sentences. */
  counts: z.object({ articles: z.number(), chunks: z.number(), sentences: z.number() }),
  /** Kept up to date incrementally: articles carrying a date, and the characters of all sentences. */
  stats: z.object({ dated: z.number(), sentenceChars: z.number() }),
  /** Next unused vector label (labels are never reused, so a deleted point cannot alias). */
  nextLabel: z.number().int().nonnegative(),
  /** Segment folders (under `segments/`) this build reads, oldest first. */
  segments: z.array(z.string().regex(/^seg-[\w-]+$/)),
  /**
   * The corpus as given (a folder or a file, absolute), the folder its stored paths are
   * relative to, a digest of the loading code and lockfile (new cleaning rules re-read every
   * file), and the files skipped with their reasons.
   */
  corpus: z.object({ path: z.string(), root: z.string(), loaderDigest: z.string(), skipped: z.array(z.object({ file: z.string(), reason: z.string() })) }),
  /** Size and hash of every file of the build folder: sizes checked at every load, hashes by `npm run verify-index`. */
  files: z.record(z.string(), fileEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
