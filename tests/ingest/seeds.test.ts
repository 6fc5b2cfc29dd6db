import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTerms, countTerms } from '../../src/analyze/analyzeTerms.ts';
import { loadArticles } from '../../src/corpus/loadArticles.ts';
import { segmentArticle } from '../../src/corpus/segmentArticle.ts';
import { DEFAULT_CHUNK_OPTIONS } from '../../src/corpus/types.ts';
import { ingest, type IngestSummary } from '../../src/ingest/ingest.ts';
import { BUILD_FILES } from '../../src/store/buildFiles.ts';
import type { StoredChunk } from '../../src/store/indexStore.ts';
import type { LoadedIndex } from '../../src/store/loadedIndex.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from '../../src/store/manifest.ts';
import { makeTempDir, openSaved, readSavedManifest, removeTempDirs, SEEDS_DIR } from './seedCorpus.ts';

const SEED_IDS = ['000_f369db645636c1c7', '001_ff5f5ba148e191cb', '002_d97138b7c8b56079', '003_efe2fcb9701c267e', '004_7ba094462437808a'];

describe('ingesting the five seeds (hashed)', () => {
  let started: number;
  let summary: IngestSummary;
  let manifest: Manifest;
  let index: LoadedIndex;
  let indexDir: string;
  let chunks: StoredChunk[];
  let expected: { sentences: number; chunks: number };

  beforeAll(async () => {
    indexDir = await makeTempDir('seed-index');
    started = Date.now();
    summary = await ingest({ corpus: SEEDS_DIR, indexDir, embedder: 'hashed' });
    manifest = await readSavedManifest(indexDir);
    index = await openSaved(indexDir);
    chunks = [];
    for (let label = 0; label < manifest.nextLabel; label++) chunks.push(index.chunk(label)!);
    const { articles } = await loadArticles(SEEDS_DIR);
    const segmented = articles.map((a) => segmentArticle(a));
    expected = { sentences: segmented.reduce((n, s) => n + s.sentences.length, 0), chunks: segmented.reduce((n, s) => n + s.chunks.length, 0) };
  });
  afterAll(async () => {
    index.store.close();
    await removeTempDirs();
  });

  it('reports every article, chunk and sentence as embedded', () => {
    expect(expected.chunks).toBeGreaterThan(10);
    expect(summary).toMatchObject({
      articles: 5,
      chunks: expected.chunks,
      sentences: expected.sentences,
      embeddedArticles: 5,
      embeddedChunks: expected.chunks,
      removedArticles: 0,
      copies: 0,
      skipped: [],
      embedder: 'hashed',
      dims: 256,
      upToDate: false,
    });
  });

  it('writes a manifest naming the format, embedder, chunking, counts, segments and every file with its size and hash', async () => {
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.embedder).toEqual({ name: 'hashed', dims: 256, fingerprint: expect.stringMatching(/^hashed:v2:256:[0-9a-f]{12}$/) });
    expect(manifest.chunking).toEqual({ ...DEFAULT_CHUNK_OPTIONS });
    expect(Date.parse(manifest.builtAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(manifest.counts).toEqual({ articles: 5, chunks: expected.chunks, sentences: expected.sentences });
    expect(manifest.stats.dated).toBe(5);
    expect(manifest.segments).toHaveLength(1);
    expect(await readdir(join(indexDir, 'segments'))).toEqual(manifest.segments);
    expect(Object.keys(manifest.files).sort()).toEqual(Object.values(BUILD_FILES).filter((f) => f !== BUILD_FILES.manifest).sort());
    for (const entry of Object.values(manifest.files)) expect(entry).toEqual({ bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.corpus.path).toBe(SEEDS_DIR);
  });

  it('lists every article with its metadata, citing the file as seen from the working directory', () => {
    expect([...index.store.catalog()].map((m) => m.id).sort()).toEqual(SEED_IDS);
    for (const id of SEED_IDS) expect(index.meta(id)?.file).toBe(join('seeds', `${id}.txt`));
    expect(index.meta('002_d97138b7c8b56079')).toMatchObject({ date: '2023-05-04', outlet: 'PTI' });
  });

  it('loads back, and a search with any chunk\'s own vector finds that chunk first', () => {
    expect(chunks.every(Boolean)).toBe(true);
    expect(index.vectors.size).toBe(expected.chunks);
    for (const chunk of chunks) {
      const [best] = index.vectors.search(index.vectors.vector(chunk.label), 3);
      expect(best?.label).toBe(chunk.label);
      expect(best?.similarity).toBeCloseTo(1, 4);
    }
  });

  it('finds "Vientiane" through the postings, in the article that mentions it', () => {
    const hits = index.lexical.search(countTerms(analyzeTerms('Vientiane')), 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(index.chunk(hit.label)?.docId).toBe('000_f369db645636c1c7');
  });

  it.each(['Also Read', 'Legal Disclaimer', 'IPL', 'WhatsApp', 'Apple'])('saves no chunk containing "%s"', (chrome) => {
    for (const c of chunks) expect(index.article(c.docId)!.text.slice(c.start, c.end)).not.toContain(chrome);
  });

  it('saves offsets that cut exact, non-empty, trimmed sentences and chunks from the article text', () => {
    let sentences = 0;
    for (const id of SEED_IDS) {
      const text = index.article(id)!.text;
      for (const s of index.sentencesOf(id)) {
        const cut = text.slice(s.start, s.end);
        expect(cut.length).toBeGreaterThan(0);
        expect(cut).toBe(cut.trim());
        sentences++;
      }
    }
    expect(sentences).toBe(expected.sentences);
    // A chunk runs from its first sentence's start to its last sentence's end.
    for (const chunk of chunks) {
      const list = index.sentencesOf(chunk.docId);
      expect([chunk.start, chunk.end]).toEqual([list[chunk.firstSentence]!.start, list[chunk.lastSentence]!.end]);
    }
  });
});

describe('a full build larger than the sample the offline embedder is fitted on', () => {
  it('fits on the first chunks and still ingests every article after them', async () => {
    const summary = await ingest({ corpus: SEEDS_DIR, indexDir: await makeTempDir('fit-sample'), embedder: 'hashed', fitChunks: 5 });
    expect(summary).toMatchObject({ articles: 5, embeddedArticles: 5 });
    await removeTempDirs();
  });
});
