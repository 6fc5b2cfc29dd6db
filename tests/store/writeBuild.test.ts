import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { BUILD_FILES } from '../../src/store/buildFiles.ts';
import { openStore } from '../../src/store/openStore.ts';
import { copySeeds, liveBuild, makeTempDir, readSavedManifest, removeTempDirs } from '../ingest/seedCorpus.ts';

afterEach(removeTempDirs);

const builds = async (indexDir: string) => (await readdir(indexDir)).filter((e) => e.startsWith('build-')).sort();
const crash = async () => {
  throw new Error('simulated crash before the swap');
};

describe('writing a build', () => {
  it('records the size and sha256 of every file it wrote', async () => {
    const indexDir = await makeTempDir('index');
    await ingest({ corpus: await copySeeds(), indexDir, embedder: 'hashed' });
    const build = await liveBuild(indexDir);
    const manifest = await readSavedManifest(indexDir);
    for (const name of Object.values(BUILD_FILES).filter((f) => f !== BUILD_FILES.manifest)) {
      const content = await readFile(join(build, name));
      expect(manifest.files[name], name).toEqual({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    }
  });

  it('removes an abandoned build and stray segments even when the next ingest finds nothing to do', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    await expect(ingest({ corpus, indexDir, embedder: 'hashed', rebuild: true, beforeCommit: crash })).rejects.toThrow();
    await mkdir(join(indexDir, 'segments', 'seg-left-by-a-crash'));
    await writeFile(join(indexDir, 'CURRENT.build-x.tmp'), 'build-x\n');
    expect(await builds(indexDir)).toHaveLength(2);

    expect((await ingest({ corpus, indexDir, embedder: 'hashed' })).upToDate).toBe(true);
    expect(await builds(indexDir)).toHaveLength(1);
    expect(await readdir(join(indexDir, 'segments'))).toEqual((await readSavedManifest(indexDir)).segments);
    expect((await readdir(indexDir)).filter((e) => e.endsWith('.tmp'))).toEqual([]);
    const store = await openStore(indexDir);
    expect(store.articleCount).toBe(5);
    store.close();
  });
});
