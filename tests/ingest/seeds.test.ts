import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { loadArticles } from '../../src/corpus/loadArticles.ts';
import { segmentArticle } from '../../src/corpus/segmentArticle.ts';
import { DEFAULT_CHUNK_OPTIONS } from '../../src/corpus/types.ts';
import { ingest, type IngestSummary } from '../../src/ingest.ts';
import type { IndexData, IndexTables } from '../../src/store/indexData.ts';
import { loadIndex } from '../../src/store/loadIndex.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from '../../src/store/manifest.ts';
import { makeTempDir, readSavedManifest, readSavedTables, removeTempDirs, SEEDS_DIR } from './seedCorpus.ts';

const SEED_IDS = ['000_f369db645636c1c7', '001_ff5f5ba148e191cb', '002_d97138b7c8b56079', '003_efe2fcb9701c267e', '004_7ba094462437808a'];

describe('ingesting the five seeds (hashed)', () => {
  let started: number;
  let summary: IngestSummary;
  let manifest: Manifest;
  let tables: IndexTables;
  let loaded: IndexData;
  let expected: { sentences: number; chunks: number };

  beforeAll(async () => {
    const indexDir = await makeTempDir('seed-index');
    started = Date.now();
    summary = await ingest({ corpus: SEEDS_DIR, indexDir, embedder: 'hashed' });
    manifest = await readSavedManifest(indexDir);
    tables = await readSavedTables(indexDir);
    loaded = await loadIndex(indexDir);
    const { articles } = await loadArticles(SEEDS_DIR);
    const segmented = articles.map((a) => segmentArticle(a));
    expected = {
      sentences: segmented.reduce((n, s) => n + s.sentences.length, 0),
      chunks: segmented.reduce((n, s) => n + s.chunks.length, 0),
    };
  });
  afterAll(removeTempDirs);

  it('reports every article, chunk and sentence as embedded', () => {
    expect(expected.chunks).toBeGreaterThan(10);
    expect(summary).toMatchObject({
      articles: 5,
      chunks: expected.chunks,
      sentences: expected.sentences,
      embeddedArticles: 5,
      embeddedChunks: expected.chunks,
      removedArticles: 0,
      skipped: [],
      embedder: 'hashed',
      dims: 256,
      upToDate: false,
    });
  });

  it('writes a manifest naming the format, embedder, chunking, a hash per article and the build time', () => {
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.embedder).toEqual({ name: 'hashed', dims: 256, fingerprint: expect.stringMatching(/^hashed:v2:256:[0-9a-f]{12}$/) });
    expect(manifest.chunking).toEqual({ ...DEFAULT_CHUNK_OPTIONS });
    expect(Object.keys(manifest.articles).sort()).toEqual(SEED_IDS);
    for (const id of SEED_IDS) expect(manifest.articles[id]).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{20}$/), file: expect.stringContaining(id) });
    expect(new Set(Object.values(manifest.articles).map((a) => a.hash)).size).toBe(5);
    expect(Date.parse(manifest.builtAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(manifest.counts).toEqual({ articles: 5, chunks: expected.chunks, sentences: expected.sentences });
    expect(Object.keys(manifest.files).sort()).toEqual(['embedder.json', 'lexical.json', 'tables.json', 'vectors.hnsw']);
  });

  it('loads back, and a search with any chunk\'s own vector finds that chunk first', () => {
    expect(loaded.chunks).toHaveLength(expected.chunks);
    expect(loaded.vectors.size).toBe(expected.chunks);
    for (const chunk of loaded.chunks) {
      const [best] = loaded.vectors.search(loaded.vectors.vector(chunk.label), 3);
      expect(best?.label).toBe(chunk.label);
      expect(best?.similarity).toBeCloseTo(1, 4);
    }
  });

  it('finds "Vientiane" through the lexical index, in the article that mentions it', () => {
    const hits = loaded.lexical.search(analyzeTerms('Vientiane'), 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const chunk = loaded.chunks[hit.unit]!;
      expect(chunk.docId).toBe('000_f369db645636c1c7');
    }
  });

  it.each(['Also Read', 'Legal Disclaimer', 'IPL', 'WhatsApp', 'Apple'])('saves no chunk containing "%s"', (chrome) => {
    const byId = new Map(tables.articles.map((a) => [a.id, a]));
    const texts = tables.chunks.map((c) => byId.get(c.docId)!.text.slice(c.start, c.end));
    expect(texts).toHaveLength(expected.chunks);
    for (const text of texts) expect(text).not.toContain(chrome);
  });

  it('saves offsets that cut exact, non-empty, trimmed sentences and chunks from the article text', () => {
    const byId = new Map(tables.articles.map((a) => [a.id, a]));
    expect(tables.sentences).toHaveLength(expected.sentences);
    for (const span of [...tables.sentences, ...tables.chunks]) {
      const text = byId.get(span.docId)!.text.slice(span.start, span.end);
      expect(text.length).toBe(span.end - span.start);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(text.trim());
    }
    // A chunk runs from its first sentence's start to its last sentence's end.
    for (const chunk of tables.chunks) {
      const first = tables.sentences.find((s) => s.docId === chunk.docId && s.index === chunk.firstSentence)!;
      const last = tables.sentences.find((s) => s.docId === chunk.docId && s.index === chunk.lastSentence)!;
      expect([chunk.start, chunk.end]).toEqual([first.start, last.end]);
    }
  });
});
