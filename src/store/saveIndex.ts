import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_FILE, INDEX_FILES, type IndexData } from './indexData.ts';
import type { Manifest } from './manifest.ts';

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
  const files: Record<string, { bytes: number; sha256: string }> = {};
  // JSON files are hashed from the bytes written, not read back; the graph file is written by hnswlib.
  const writeJson = async (name: string, value: unknown): Promise<void> => {
    const content = Buffer.from(JSON.stringify(value));
    await writeFile(join(buildDir, name), content);
    files[name] = describe(content);
  };
  data.vectors.save(join(buildDir, INDEX_FILES.vectors));
  files[INDEX_FILES.vectors] = describe(await readFile(join(buildDir, INDEX_FILES.vectors)));
  await writeJson(INDEX_FILES.tables, { articles, sentences, chunks });
  await writeJson(INDEX_FILES.lexical, data.lexical.data);
  await writeJson(INDEX_FILES.embedder, data.embedderState ?? null);
  data.manifest = { ...data.manifest, files };
  await writeFile(join(buildDir, INDEX_FILES.manifest), JSON.stringify(data.manifest, null, 2));

  await hooks.beforeCommit?.();
  const pointer = join(indexDir, `${CURRENT_FILE}.${buildName}.tmp`);
  await writeFile(pointer, `${buildName}\n`);
  await rename(pointer, join(indexDir, CURRENT_FILE));
  await removeStaleBuilds(indexDir, buildName);
}

/**
 * Replace the live build's manifest (same data files) by writing a copy and renaming it over
 * the old one, so a reader sees one or the other, never half of either.
 */
export async function rewriteManifest(indexDir: string, manifest: Manifest): Promise<void> {
  const live = await readLiveName(indexDir);
  if (!live) return;
  const file = join(indexDir, live, INDEX_FILES.manifest);
  const temp = `${file}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(manifest, null, 2));
  await rename(temp, file);
}

function describe(content: Buffer): { bytes: number; sha256: string } {
  return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

async function readLiveName(indexDir: string): Promise<string | undefined> {
  const name = (await readFile(join(indexDir, CURRENT_FILE), 'utf8').catch(() => ''))?.trim();
  return /^build-[\w-]+$/.test(name) ? name : undefined;
}

/**
 * Remove build folders and pointer temp files other than the live one (left by older builds or
 * by a crash before the swap). Without `live`, the build `CURRENT` names is kept; with no
 * readable `CURRENT` nothing is removed, so a damaged index is never made worse.
 */
export async function removeStaleBuilds(indexDir: string, live?: string): Promise<void> {
  const keep = live ?? (await readLiveName(indexDir));
  if (!keep) return;
  const entries = await readdir(indexDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const stale = (entry.startsWith('build-') && entry !== keep) || (entry.startsWith(`${CURRENT_FILE}.`) && entry.endsWith('.tmp'));
    if (stale) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}
