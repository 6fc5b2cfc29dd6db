import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOADERS, openQueryEmbedder } from '../../src/embed/chooseEmbedder.ts';
import { BUILD_FILES, CURRENT_FILE } from '../../src/store/buildFiles.ts';
import { prepareIndex, type LoadedIndex } from '../../src/store/loadedIndex.ts';
import { openStore } from '../../src/store/openStore.ts';
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

export async function readSavedManifest(indexDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(await liveBuild(indexDir), BUILD_FILES.manifest), 'utf8')) as Manifest;
}

/** The saved index opened for questions, the way `openArchive` opens it. */
export async function openSaved(indexDir: string): Promise<LoadedIndex> {
  const store = await openStore(indexDir);
  return prepareIndex(store, await openQueryEmbedder(store.manifest.embedder, store.embedderState, DEFAULT_LOADERS));
}
