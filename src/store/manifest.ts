import { z } from 'zod';

/**
 * Bump when the saved layout changes; an index of another version is rebuilt, not misread.
 * 2: articles carry the `dateline` of their agency byline.
 */
export const INDEX_FORMAT_VERSION = 2;

const fileEntry = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() });

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  /** ANALYZER_VERSION of the term analysis the lexical index and hashed vectors were built with. */
  analyzer: z.number().int().optional(),
  builtAt: z.string(),
  embedder: z.object({ name: z.enum(['minilm', 'hashed']), dims: z.number().int().positive(), fingerprint: z.string() }),
  chunking: z.object({ maxSentences: z.number(), maxWords: z.number(), overlap: z.number() }),
  hnsw: z.object({ m: z.number(), efConstruction: z.number() }),
  counts: z.object({ articles: z.number(), chunks: z.number(), sentences: z.number() }),
  /** Content hash per article id: what makes re-ingest incremental. */
  articles: z.record(z.string(), z.object({ hash: z.string(), file: z.string() })),
  /** Size and hash of every data file, checked before anything is parsed. */
  files: z.record(z.string(), fileEntry),
  /** Next unused vector label (labels are never reused, so a deleted point cannot alias). */
  nextLabel: z.number().int().nonnegative(),
  /**
   * A digest of the corpus files and loading code this build was made from, and the files it
   * skipped: a re-ingest whose corpus has the same digest is up to date without cleaning
   * anything. Absent in builds from before it was recorded (they compare articles instead).
   */
  corpus: z.object({ digest: z.string(), skipped: z.array(z.object({ file: z.string(), reason: z.string() })) }).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
