import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every non-hidden file under `dir`, sorted by path in code-unit order (locale-independent,
 * so every machine loads a corpus in the same order). Shared by loading and by ingest's
 * corpus digest, which must list exactly what loading reads.
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(full);
    }
  };
  await walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
