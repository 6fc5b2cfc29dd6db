import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_FILE, INDEX_FILES, type IndexData } from './indexData.ts';

/**
 * Save atomically. The data is written to a fresh build folder inside `indexDir`, hashed into
 * the manifest, and only then made live by renaming a new `CURRENT` pointer over the old one:
 * a crash or a full disk at any point before that rename leaves the previous build live and
 * loadable. Older build folders are removed afterwards.
 *
 * `beforeCommit` exists for tests that simulate a crash between writing and the swap.
 */
export async function saveIndex(indexDir: string, data: IndexData, hooks: { beforeCommit?: () => Promise<void> } = {}): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  const buildName = `build-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const buildDir = join(indexDir, buildName);
  await mkdir(buildDir);

  const { articles, sentences, chunks } = data;
  data.vectors.save(join(buildDir, INDEX_FILES.vectors));
  await writeFile(join(buildDir, INDEX_FILES.tables), JSON.stringify({ articles, sentences, chunks }));
  await writeFile(join(buildDir, INDEX_FILES.lexical), JSON.stringify(data.lexical.data));
  await writeFile(join(buildDir, INDEX_FILES.embedder), JSON.stringify(data.embedderState ?? null));

  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const name of [INDEX_FILES.vectors, INDEX_FILES.tables, INDEX_FILES.lexical, INDEX_FILES.embedder]) {
    files[name] = await describeFile(join(buildDir, name));
  }
  data.manifest = { ...data.manifest, files };
  await writeFile(join(buildDir, INDEX_FILES.manifest), JSON.stringify(data.manifest, null, 2));

  await hooks.beforeCommit?.();
  const pointer = join(indexDir, `${CURRENT_FILE}.${buildName}.tmp`);
  await writeFile(pointer, `${buildName}\n`);
  await rename(pointer, join(indexDir, CURRENT_FILE));
  await removeStaleBuilds(indexDir, buildName);
}

async function describeFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const [bytes, content] = await Promise.all([stat(file).then((s) => s.size), readFile(file)]);
  return { bytes, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Remove build folders and pointer temp files other than the live one (left by older builds or crashes). */
async function removeStaleBuilds(indexDir: string, live: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const stale = (entry.startsWith('build-') && entry !== live) || (entry.startsWith(`${CURRENT_FILE}.`) && entry.endsWith('.tmp'));
    if (stale) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}
