import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_FILES, CURRENT_FILE, SEGMENTS_DIR } from './buildFiles.ts';
import type { Manifest } from './manifest.ts';

/** What a build folder holds besides its manifest (the segments are already written). */
export interface BuildContent {
  manifest: Omit<Manifest, 'files'>;
  /** The graph to save, or an unchanged graph file to link (no copy, no rewrite, no rehash) with its manifest entry. */
  vectors: { save(file: string): void | Promise<void> } | { linkFrom: string; entry: { bytes: number; sha256: string } };
  /** JSON values of the other build files, by file name. */
  json: Record<Exclude<(typeof BUILD_FILES)[keyof typeof BUILD_FILES], 'manifest.json' | 'vectors.hnsw'>, unknown>;
}

/** A name for a new build or segment folder: time-ordered, unique. */
export function freshName(prefix: 'build' | 'seg'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Write a build folder and make it live atomically: every file is written and hashed into the
 * manifest first, then a new `CURRENT` pointer is renamed over the old one. A crash or a full
 * disk at any point before that rename leaves the previous build live; afterwards, builds and
 * segments the live build does not use are removed (processes still reading them keep their
 * open files). `beforeCommit` exists for tests that simulate a crash.
 */
export async function writeBuild(indexDir: string, content: BuildContent, hooks: { beforeCommit?: () => Promise<void> } = {}): Promise<Manifest> {
  const name = freshName('build');
  const dir = join(indexDir, name);
  await mkdir(dir, { recursive: true });
  const files: Manifest['files'] = {};
  for (const [file, value] of Object.entries(content.json)) {
    const bytes = Buffer.from(JSON.stringify(value));
    await writeFile(join(dir, file), bytes);
    files[file] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  const graph = join(dir, BUILD_FILES.vectors);
  if ('linkFrom' in content.vectors) {
    const from = content.vectors.linkFrom;
    await link(from, graph).catch(() => copyFile(from, graph));
    files[BUILD_FILES.vectors] = content.vectors.entry;
  } else {
    await content.vectors.save(graph);
    files[BUILD_FILES.vectors] = await describeFile(graph);
  }
  const manifest: Manifest = { ...content.manifest, files };
  await writeFile(join(dir, BUILD_FILES.manifest), JSON.stringify(manifest, null, 2));

  await hooks.beforeCommit?.();
  const pointer = join(indexDir, `${CURRENT_FILE}.${name}.tmp`);
  await writeFile(pointer, `${name}\n`);
  await rename(pointer, join(indexDir, CURRENT_FILE));
  await removeStale(indexDir, name, manifest.segments);
  return manifest;
}

/**
 * Remove what the live build does not use: other build folders, pointer temp files, segment
 * folders it does not list (left by older builds, merges, or a crash mid-ingest). With no
 * readable `CURRENT` nothing is removed, so a damaged index is never made worse.
 */
export async function removeStale(indexDir: string, live?: string, liveSegments?: readonly string[]): Promise<void> {
  const keep = live ?? (await readFile(join(indexDir, CURRENT_FILE), 'utf8').catch(() => '')).trim();
  if (!/^build-[\w-]+$/.test(keep)) return;
  let segments = liveSegments;
  if (!segments) {
    try {
      segments = (JSON.parse(await readFile(join(indexDir, keep, BUILD_FILES.manifest), 'utf8')) as Manifest).segments;
    } catch {
      return;
    }
  }
  for (const entry of await readdir(indexDir).catch(() => [] as string[])) {
    const stale = (entry.startsWith('build-') && entry !== keep) || (entry.startsWith(`${CURRENT_FILE}.`) && entry.endsWith('.tmp'));
    if (stale) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
  const used = new Set(segments);
  for (const entry of await readdir(join(indexDir, SEGMENTS_DIR)).catch(() => [] as string[])) {
    if (!used.has(entry)) await rm(join(indexDir, SEGMENTS_DIR, entry), { recursive: true, force: true });
  }
}

async function describeFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
