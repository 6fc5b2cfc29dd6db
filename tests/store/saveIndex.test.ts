import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.ts';
import { INDEX_FILES } from '../../src/store/indexData.ts';
import { loadIndex } from '../../src/store/loadIndex.ts';
import { copySeeds, liveBuild, makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';
import { createHash } from 'node:crypto';

afterEach(removeTempDirs);

const builds = async (indexDir: string) => (await readdir(indexDir)).filter((e) => e.startsWith('build-')).sort();
const crash = async () => {
  throw new Error('simulated crash before the swap');
};

describe('saving an index', () => {
  it('records the size and sha256 of every data file it wrote', async () => {
    const indexDir = await makeTempDir('index');
    await ingest({ corpus: await copySeeds(), indexDir, embedder: 'hashed' });
    const build = await liveBuild(indexDir);
    const manifest = JSON.parse(await readFile(join(build, INDEX_FILES.manifest), 'utf8'));
    for (const name of [INDEX_FILES.vectors, INDEX_FILES.tables, INDEX_FILES.lexical, INDEX_FILES.embedder]) {
      const content = await readFile(join(build, name));
      expect(manifest.files[name]).toEqual({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    }
  });

  it('leaves the previous index live and loadable when it stops between writing and the swap', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const before = await loadIndex(indexDir);
    const liveBefore = await liveBuild(indexDir);

    await writeFile(join(corpus, '005_new.txt'), 'Harbour news\n\nThe harbour of Mombasa reopened on Tuesday after repairs.\n');
    await expect(ingest({ corpus, indexDir, embedder: 'hashed', beforeCommit: crash })).rejects.toThrow('simulated crash');

    expect(await liveBuild(indexDir)).toBe(liveBefore);
    expect(await builds(indexDir)).toHaveLength(2); // the abandoned build is still there
    const after = await loadIndex(indexDir);
    expect(after.articles.map((a) => a.id)).toEqual(before.articles.map((a) => a.id));
    expect(after.chunks).toEqual(before.chunks);
    expect(after.manifest.files).toEqual(before.manifest.files);
  });

  it('removes the abandoned build folder on the next ingest', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    await writeFile(join(corpus, '005_new.txt'), 'Harbour news\n\nThe harbour of Mombasa reopened on Tuesday after repairs.\n');
    await expect(ingest({ corpus, indexDir, embedder: 'hashed', beforeCommit: crash })).rejects.toThrow();
    expect(await builds(indexDir)).toHaveLength(2);

    const next = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(next.embeddedArticles).toBe(1);
    expect(await builds(indexDir)).toEqual([(await liveBuild(indexDir)).split(/[\\/]/).pop()]);
    expect((await loadIndex(indexDir)).articles.map((a) => a.id)).toContain('005_new');
  });

  it('removes an abandoned build folder even when the next ingest finds nothing to do', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    await expect(ingest({ corpus, indexDir, embedder: 'hashed', rebuild: true, beforeCommit: crash })).rejects.toThrow();
    expect(await builds(indexDir)).toHaveLength(2);

    expect((await ingest({ corpus, indexDir, embedder: 'hashed' })).upToDate).toBe(true);
    expect(await builds(indexDir)).toHaveLength(1);
    await expect(loadIndex(indexDir)).resolves.toBeDefined();
  });
});
