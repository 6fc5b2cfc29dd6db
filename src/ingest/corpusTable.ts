import { z } from 'zod';
import type { CorpusFile } from '../corpus/scanCorpus.ts';

/**
 * corpus-files.json: every corpus file a build read, by its path inside the corpus, with the
 * size and modification time it had and the ids of the articles it gave. A file whose size and
 * time are unchanged is not read again; its articles stay as they are.
 */
export const corpusTableSchema = z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number(), ids: z.array(z.string()) }));
export type CorpusTable = z.infer<typeof corpusTableSchema>;

export function unchanged(table: CorpusTable | undefined, file: CorpusFile): boolean {
  const entry = table?.[file.rel];
  return !!entry && entry.size === file.size && entry.mtimeMs === file.mtimeMs;
}
