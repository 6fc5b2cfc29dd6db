import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { ingest } from '../../src/ingest.ts';
import { chunkEmbeddingText } from '../../src/store/chunkText.ts';
import type { IndexData } from '../../src/store/indexData.ts';
import { loadIndex } from '../../src/store/loadIndex.ts';
import { INDEX_FORMAT_VERSION } from '../../src/store/manifest.ts';
import { copySeeds, makeTempDir, removeTempDirs } from './seedCorpus.ts';

const NEW_ARTICLE = `Zanzibar ferry schedule revised

The port authority of Zanzibar published a revised ferry schedule on Monday. Boats to Pemba will leave twice a day from next month. Officials said the change follows a rise in passenger numbers.
`;

afterEach(removeTempDirs);

async function seededIndex() {
  const corpus = await copySeeds();
  const indexDir = await makeTempDir('index');
  const first = await ingest({ corpus, indexDir, embedder: 'hashed' });
  return { corpus, indexDir, first };
}

/** The live build's manifest, and a way to write an edited one over it. */
async function liveManifest(indexDir: string) {
  const build = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  const file = join(indexDir, build, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  return { manifest, write: (edited: unknown) => writeFile(file, JSON.stringify(edited)) };
}

/** Every label a search can return, nearest first (k = all points). */
function searchAll(index: IndexData, vector: Float32Array): number[] {
  return index.vectors.search(vector, index.chunks.length + 10).map((h) => h.label);
}

function chunksOf(index: IndexData, docId: string) {
  return index.chunks.filter((c) => c.docId === docId);
}

describe('incremental ingest', () => {
  it('embeds nothing when the corpus is unchanged', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const again = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(again).toMatchObject({ upToDate: true, embeddedArticles: 0, embeddedChunks: 0, articles: 5, chunks: first.chunks, sentences: first.sentences });
  });

  it('rebuilds everything when the index was analysed by another version of the term analyser', async () => {
    const { corpus, indexDir } = await seededIndex();
    const { manifest, write } = await liveManifest(indexDir);
    expect(manifest.analyzer).toBe(ANALYZER_VERSION);
    await write({ ...manifest, analyzer: ANALYZER_VERSION - 1 });
    const again = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(again).toMatchObject({ upToDate: false, embeddedArticles: 5 });
  });

  it('rebuilds everything when the index was saved in another format (format 1 kept no datelines)', async () => {
    const { corpus, indexDir } = await seededIndex();
    const { manifest, write } = await liveManifest(indexDir);
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    await write({ ...manifest, formatVersion: INDEX_FORMAT_VERSION - 1 });
    const again = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(again).toMatchObject({ upToDate: false, embeddedArticles: 5 });
  });

  it('stays up to date when only a skipped file is added, and keeps reporting it', async () => {
    const { corpus, indexDir } = await seededIndex();
    await writeFile(join(corpus, 'notes.pdf'), '%PDF-1.4 not an article');
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    const third = await ingest({ corpus, indexDir, embedder: 'hashed' });
    for (const run of [second, third]) {
      expect(run.upToDate).toBe(true);
      expect(run.skipped).toEqual([{ file: expect.stringContaining('notes.pdf'), reason: expect.stringContaining('.pdf') }]);
    }
  });

  it('embeds only an added article, and finds it afterwards', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    const index = await loadIndex(indexDir);
    const added = chunksOf(index, '005_zanzibar');
    expect(added.length).toBeGreaterThan(0);
    expect(second).toMatchObject({ upToDate: false, articles: 6, embeddedArticles: 1, embeddedChunks: added.length, removedArticles: 0 });
    expect(second.chunks).toBe(first.chunks + added.length);
    const hits = index.lexical.search(analyzeTerms('Pemba ferry'), 3);
    expect(index.chunks[hits[0]!.unit]!.docId).toBe('005_zanzibar');
  });

  it('re-embeds only a changed article, and its old text can no longer be found', async () => {
    const { corpus, indexDir } = await seededIndex();
    const before = await loadIndex(indexDir);
    const changedId = '002_d97138b7c8b56079';
    const oldChunks = chunksOf(before, changedId);
    const oldVectors = oldChunks.map((c) => before.vectors.vector(c.label));
    const oldArticle = before.articles.find((a) => a.id === changedId)!;
    // Terms only the old version of this article had.
    const elsewhere = new Set(before.chunks.filter((c) => c.docId !== changedId).flatMap((c) => {
      const a = before.articles.find((x) => x.id === c.docId)!;
      return analyzeTerms(chunkEmbeddingText(a.title, a.text, c));
    }));
    const onlyOld = [...new Set(analyzeTerms(`${oldArticle.title}\n${oldArticle.text}`))].filter((t) => !elsewhere.has(t) && !analyzeTerms(NEW_ARTICLE).includes(t));
    expect(onlyOld.length).toBeGreaterThan(3);
    expect(before.lexical.search(onlyOld, 5).length).toBeGreaterThan(0);

    await writeFile(join(corpus, `${changedId}.txt`), NEW_ARTICLE);
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    const after = await loadIndex(indexDir);
    const newChunks = chunksOf(after, changedId);
    expect(second).toMatchObject({ upToDate: false, articles: 5, embeddedArticles: 1, embeddedChunks: newChunks.length, removedArticles: 0 });

    expect(after.lexical.search(onlyOld, 5)).toEqual([]);
    const oldLabels = new Set(oldChunks.map((c) => c.label));
    for (const vector of oldVectors) expect(searchAll(after, vector).filter((l) => oldLabels.has(l))).toEqual([]);
    expect(newChunks.every((c) => !oldLabels.has(c.label))).toBe(true);
    expect(after.lexical.search(analyzeTerms('Pemba ferry'), 1).map((h) => after.chunks[h.unit]!.docId)).toEqual([changedId]);
  });

  it('updates an article whose byline names another place, though its cleaned text is the same', async () => {
    const { corpus, indexDir } = await seededIndex();
    const file = join(corpus, '003_efe2fcb9701c267e.txt');
    const raw = await readFile(file, 'utf8');
    expect(raw).toContain('Press Trust of India Moscow');
    await writeFile(file, raw.replace('Press Trust of India Moscow', 'Press Trust of India New Delhi'));
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(second.upToDate).toBe(false);
    const after = await loadIndex(indexDir);
    expect(after.articles.find((a) => a.id === '003_efe2fcb9701c267e')?.dateline).toBe('New Delhi');
  });

  it('drops a removed article from the tables and the graph', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const before = await loadIndex(indexDir);
    const removedId = '004_7ba094462437808a';
    const removed = chunksOf(before, removedId);
    expect(removed.length).toBeGreaterThan(0);

    await rm(join(corpus, `${removedId}.txt`));
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(second).toMatchObject({ upToDate: false, articles: 4, embeddedArticles: 0, embeddedChunks: 0, removedArticles: 1, chunks: first.chunks - removed.length });

    const after = await loadIndex(indexDir);
    expect(after.articles.map((a) => a.id)).not.toContain(removedId);
    expect(after.chunks.filter((c) => c.docId === removedId)).toEqual([]);
    expect(after.sentences.filter((s) => s.docId === removedId)).toEqual([]);
    const removedLabels = new Set(removed.map((c) => c.label));
    for (const chunk of removed) {
      expect(after.vectors.has(chunk.label)).toBe(false);
      expect(searchAll(after, before.vectors.vector(chunk.label)).filter((l) => removedLabels.has(l))).toEqual([]);
    }
    expect(after.vectors.size).toBe(after.chunks.length);
  });

  it('scores BM25 after an incremental update exactly as a fresh build of the same corpus', async () => {
    const { corpus, indexDir } = await seededIndex();
    await writeFile(join(corpus, '001_ff5f5ba148e191cb.txt'), NEW_ARTICLE);
    await writeFile(join(corpus, '006_extra.txt'), 'Lavrov in Goa\n\nLavrov rested in Goa after the meeting with Jaishankar.\n');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const freshDir = await makeTempDir('fresh');
    await ingest({ corpus, indexDir: freshDir, embedder: 'hashed' });
    const [updated, fresh] = await Promise.all([loadIndex(indexDir), loadIndex(freshDir)]);
    expect(updated.lexical.data.lengths).toEqual(fresh.lexical.data.lengths);
    expect(updated.lexical.data.postings).toEqual(fresh.lexical.data.postings);
  });

  it('rebuilds everything with --rebuild', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const again = await ingest({ corpus, indexDir, embedder: 'hashed', rebuild: true });
    expect(again).toMatchObject({ upToDate: false, embeddedArticles: 5, embeddedChunks: first.chunks });
    expect((await readdir(indexDir)).filter((e) => e.startsWith('build-'))).toHaveLength(1);
  });
});
