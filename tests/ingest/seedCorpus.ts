import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CURRENT_FILE, INDEX_FILES, type IndexTables } from '../../src/store/indexData.ts';
import type { Manifest } from '../../src/store/manifest.ts';

/** The five seed articles shipped with the repository. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));

/** Temp folders made by a test file, removed by `removeTempDirs` in its afterAll/afterEach. */
const made: string[] = [];

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `archivist-${prefix}-`));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A writable copy of the seeds, for tests that add, change or remove articles. */
export async function copySeeds(): Promise<string> {
  const corpus = join(await makeTempDir('corpus'), 'seeds');
  await cp(SEEDS_DIR, corpus, { recursive: true });
  return corpus;
}

/** The folder `CURRENT` names. */
export async function liveBuild(indexDir: string): Promise<string> {
  return join(indexDir, (await readFile(join(indexDir, CURRENT_FILE), 'utf8')).trim());
}

/** The tables as saved on disk (not as ingest held them in memory). */
export async function readSavedTables(indexDir: string): Promise<IndexTables> {
  return JSON.parse(await readFile(join(await liveBuild(indexDir), INDEX_FILES.tables), 'utf8')) as IndexTables;
}

export async function readSavedManifest(indexDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(await liveBuild(indexDir), INDEX_FILES.manifest), 'utf8')) as Manifest;
}
