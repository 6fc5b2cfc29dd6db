import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStore } from '../../src/store/openStore.ts';
import { makeTempDir, removeTempDirs, SEEDS_DIR } from './seedCorpus.ts';

afterEach(removeTempDirs);

async function writeBadFiles(dir: string): Promise<string[]> {
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 in S\xe3o Paulo reopened.', 'latin1'));
  await writeFile(join(dir, 'report.pdf'), '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  return ['binary.txt', 'empty.txt', 'latin1.txt', 'report.pdf'];
}

describe('ingest with unusable files', () => {
  it('indexes the good article and names every bad file with a reason', async () => {
    const corpus = await makeTempDir('corpus');
    await copyFile(join(SEEDS_DIR, '000_f369db645636c1c7.txt'), join(corpus, '000_f369db645636c1c7.txt'));
    const bad = await writeBadFiles(corpus);
    const indexDir = await makeTempDir('index');
    const summary = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(summary.articles).toBe(1);
    expect(summary.skipped.map((s) => s.file.split(/[\\/]/).pop()).sort()).toEqual(bad);
    for (const s of summary.skipped) expect(s.reason.length).toBeGreaterThan(5);
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.file.split(/[\\/]/).pop(), s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['report.pdf']).toMatch(/\.pdf/);
    const store = await openStore(indexDir);
    expect([...store.catalog()].map((a) => a.id)).toEqual(['000_f369db645636c1c7']);
    store.close();
  });

  it('fails with NOTHING_TO_INGEST, listing the reasons, when no file is usable', async () => {
    const corpus = await makeTempDir('corpus');
    await writeBadFiles(corpus);
    const indexDir = await makeTempDir('index');
    const error = await ingest({ corpus, indexDir, embedder: 'hashed' }).catch((e: unknown) => e as { code?: string; message: string });
    expect(error).toMatchObject({ code: 'NOTHING_TO_INGEST' });
    expect((error as Error).message).toContain('latin1.txt');
    await expect(openStore(indexDir)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });
});
