import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { BUILD_FILES } from '../../src/store/buildFiles.ts';
import { buildCatalog, readCatalog, type CatalogEntry } from '../../src/store/catalog.ts';
import { openStore } from '../../src/store/openStore.ts';
import { copySeeds, liveBuild, makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';

afterEach(removeTempDirs);

const entry = (id: string, date: string | null, title: string): CatalogEntry => ({ id, date, title, outlet: null, url: null });

describe('the article catalog', () => {
  it('lists dated articles newest first, ties by title, undated last, and leaves out the copies of a story', () => {
    const file = buildCatalog(
      [entry('a', '2023-05-04', 'Beta'), entry('b', null, 'Undated'), entry('c', '2024-01-02', 'Newest'), entry('d', '2023-05-04', 'Alpha'), entry('e', '2024-01-02', 'Copy of newest')],
      new Map([['c', ['e']]]),
    );
    expect(readCatalog(JSON.parse(JSON.stringify(file))).map((a) => a.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('refuses a file that is not a catalog', () => {
    expect(() => readCatalog({ format: 2, articles: [] })).toThrow(/not an article catalog/);
    expect(() => readCatalog({ format: 1, articles: [['id', 7, 'title', null, null]] })).toThrow(/malformed/);
  });

  it('is written at ingest and read on first use; a damaged one is reported with the command that rebuilds it', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('catalog');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const store = await openStore(indexDir);
    try {
      const dates = store.catalog().map((a) => a.date!);
      expect(dates).toHaveLength(5);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const a of store.catalog()) expect(store.meta(a.id)).toMatchObject(a);
    } finally {
      store.close();
    }
    const path = join(await liveBuild(indexDir), BUILD_FILES.catalog);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...saved, articles: [[1, 2]] }).padEnd((await readFile(path)).length));
    const damaged = await openStore(indexDir);
    try {
      expect(() => damaged.catalog()).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/catalog\.json.*npm run ingest/s) }));
    } finally {
      damaged.close();
    }
  });
});
