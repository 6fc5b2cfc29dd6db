import { createHash } from 'node:crypto';
import { cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/analyze/analyzeTerms.ts';
import { readdir } from 'node:fs/promises';
import { ingest } from '../../src/ingest/ingest.ts';
import { BUILD_FILES as INDEX_FILES, CURRENT_FILE } from '../../src/store/buildFiles.ts';
import { openStore } from '../../src/store/openStore.ts';
import { verifyIndex } from '../../src/store/verifyIndex.ts';
import { createVectorIndex } from '../../src/store/vectorIndex.ts';
import { liveBuild, makeTempDir, removeTempDirs, SEEDS_DIR } from '../ingest/seedCorpus.ts';

let pristine: string;

beforeAll(async () => {
  pristine = await makeTempDir('pristine');
  await ingest({ corpus: SEEDS_DIR, indexDir: pristine, embedder: 'hashed' });
});
afterAll(removeTempDirs);

/** A private copy of the seed index, and the path of one of its live files. */
async function damageable(): Promise<{ indexDir: string; file: (name: string) => Promise<string> }> {
  const indexDir = join(await makeTempDir('damaged'), 'index');
  await cp(pristine, indexDir, { recursive: true });
  return { indexDir, file: async (name) => join(await liveBuild(indexDir), name) };
}

async function flipByte(file: string, at: (size: number) => number): Promise<void> {
  const bytes = await readFile(file);
  const i = at(bytes.length);
  bytes[i] = bytes[i]! ^ 0xff;
  await writeFile(file, bytes);
}

async function editManifest(file: string, edit: (m: Record<string, any>) => void): Promise<void> {
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

async function expectRejected(indexDir: string, code: string, expect_?: { embedder: string; dims: number }) {
  const error = await openStore(indexDir, expect_).then(
    (store) => void store.close(),
    (e: unknown) => e as { code?: string; message: string },
  );
  expect(error?.code).toBe(code);
  expect(error?.message).toContain('npm run ingest');
  // The advice names the folder when it is not the default one.
  if (code === 'INDEX_CORRUPT' && /repairs it/.test(error!.message)) expect(error!.message).toContain(`--index ${indexDir}`);
}

/** The one segment folder of the seed index. */
async function segmentFile(indexDir: string, name: string): Promise<string> {
  const [segment] = await readdir(join(indexDir, 'segments'));
  return join(indexDir, 'segments', segment!, name);
}

describe('openStore on a missing index', () => {
  it('rejects an empty folder with INDEX_MISSING', async () => {
    await expectRejected(await makeTempDir('empty'), 'INDEX_MISSING');
  });

  it('rejects a folder that does not exist with INDEX_MISSING', async () => {
    await expectRejected(join(await makeTempDir('parent'), 'nowhere'), 'INDEX_MISSING');
  });
});

describe('openStore on a damaged index (never reaching hnswlib with a bad file)', () => {
  it('opens the undamaged copy, which verifies', async () => {
    const { indexDir } = await damageable();
    const store = await openStore(indexDir);
    expect(store.manifest.counts.chunks).toBeGreaterThan(10);
    store.close();
    await expect(verifyIndex(indexDir)).resolves.toMatchObject({ segments: 1 });
  });

  const cases: Array<[string, (d: Awaited<ReturnType<typeof damageable>>) => Promise<void>]> = [
    ['vectors.hnsw truncated to half', async (d) => truncate(await d.file(INDEX_FILES.vectors), Math.floor((await readFile(await d.file(INDEX_FILES.vectors))).length / 2))],
    ['vectors.hnsw emptied', async (d) => truncate(await d.file(INDEX_FILES.vectors), 0)],
    ['a header byte of vectors.hnsw flipped', async (d) => flipByte(await d.file(INDEX_FILES.vectors), () => 20)],
    ['vectors.hnsw deleted', async (d) => rm(await d.file(INDEX_FILES.vectors))],
    ['tombstones.json truncated', async (d) => truncate(await d.file(INDEX_FILES.tombstones), 1)],
    ['a segment\'s texts truncated', async (d) => truncate(await segmentFile(d.indexDir, 'texts.bin'), 100)],
    ['a segment\'s postings deleted', async (d) => rm(await segmentFile(d.indexDir, 'postings.bin'))],
    ['a segment folder deleted', async (d) => rm(join(d.indexDir, 'segments'), { recursive: true })],
    ['manifest.json truncated', async (d) => truncate(await d.file(INDEX_FILES.manifest), 40)],
    ['a byte of manifest.json flipped', async (d) => flipByte(await d.file(INDEX_FILES.manifest), () => 0)],
    ['manifest.json deleted', async (d) => rm(await d.file(INDEX_FILES.manifest))],
    ['manifest.json with a field of the wrong type', async (d) => editManifest(await d.file(INDEX_FILES.manifest), (m) => (m.embedder.dims = 'many'))],
    ['manifest.json claiming another width than the graph has', async (d) => editManifest(await d.file(INDEX_FILES.manifest), (m) => (m.embedder.dims = 384))],
    ['manifest.json no longer listing the graph file', async (d) => editManifest(await d.file(INDEX_FILES.manifest), (m) => delete m.files[INDEX_FILES.vectors])],
    ["the build folder CURRENT names deleted", async (d) => rm(await liveBuild(d.indexDir), { recursive: true })],
    ['garbage in CURRENT', async (d) => writeFile(join(d.indexDir, CURRENT_FILE), '\u0000\u00ff../../etc\n')],
    ['CURRENT empty', async (d) => writeFile(join(d.indexDir, CURRENT_FILE), '')],
  ];

  it.each(cases)('rejects %s with INDEX_CORRUPT', async (_, damage) => {
    const d = await damageable();
    await damage(d);
    await expectRejected(d.indexDir, 'INDEX_CORRUPT');
  });

  it('rejects a well-formed graph of another width, even when the manifest vouches for it', async () => {
    const d = await damageable();
    const file = await d.file(INDEX_FILES.vectors);
    const other = createVectorIndex(8, 4);
    for (let label = 0; label < 30; label++) other.add(label, Float32Array.from({ length: 8 }, (_, i) => ((label * 7 + i) % 5) + 1));
    other.save(file);
    const content = await readFile(file);
    await editManifest(await d.file(INDEX_FILES.manifest), (m) => {
      m.files[INDEX_FILES.vectors] = { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
    });
    await expectRejected(d.indexDir, 'INDEX_CORRUPT');
  });
});

describe('verifyIndex: the full check, on demand', () => {
  it.each([
    ['a middle byte of vectors.hnsw', async (d: Awaited<ReturnType<typeof damageable>>) => flipByte(await d.file(INDEX_FILES.vectors), (n) => Math.floor(n / 2)), /vectors\.hnsw.*checksum/],
    ['a byte of a segment\'s texts', async (d: Awaited<ReturnType<typeof damageable>>) => flipByte(await segmentFile(d.indexDir, 'texts.bin'), (n) => Math.floor(n / 2)), /texts\.bin/],
  ])('finds %s flipped, which opening does not read', async (_, damage, message) => {
    const d = await damageable();
    await damage(d);
    const store = await openStore(d.indexDir);
    store.close();
    await expect(verifyIndex(d.indexDir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(message) });
  });
});

describe('openStore on an index it cannot use as it is', () => {
  it('rejects another format version with INDEX_VERSION', async () => {
    const d = await damageable();
    await editManifest(await d.file(INDEX_FILES.manifest), (m) => (m.formatVersion = 99));
    await expectRejected(d.indexDir, 'INDEX_VERSION');
  });

  it('rejects an index whose text was cut into terms another way with INDEX_VERSION', async () => {
    const d = await damageable();
    await editManifest(await d.file(INDEX_FILES.manifest), (m) => (m.analyzer = ANALYZER_VERSION - 1));
    await expectRejected(d.indexDir, 'INDEX_VERSION');
  });

  it('rejects a hashed index when MiniLM (384 dims) is expected with INDEX_MISMATCH', async () => {
    const { indexDir } = await damageable();
    await expectRejected(indexDir, 'INDEX_MISMATCH', { embedder: 'minilm', dims: 384 });
    const store = await openStore(indexDir, { embedder: 'hashed', dims: 256 });
    store.close();
  });
});
