import { cp, readdir, readFile, rename, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeTerms, countTerms } from '../../src/analyze/analyzeTerms.ts';
import type { EmbedderLoaders } from '../../src/embed/chooseEmbedder.ts';
import type { Embedder } from '../../src/embed/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { openArchive } from '../../src/qa/openArchive.ts';
import { BUILD_FILES } from '../../src/store/buildFiles.ts';
import type { LoadedIndex } from '../../src/store/loadedIndex.ts';
import { copySeeds, liveBuild, makeTempDir, openSaved, readSavedManifest, removeTempDirs } from './seedCorpus.ts';

const NEW_ARTICLE = `Zanzibar ferry schedule revised

The port authority of Zanzibar published a revised ferry schedule on Monday. Boats to Pemba will leave twice a day from next month. Officials said the change follows a rise in passenger numbers.
`;

const opened: LoadedIndex[] = [];
afterEach(async () => {
  for (const index of opened.splice(0)) index.store.close();
  await removeTempDirs();
});

async function open(indexDir: string): Promise<LoadedIndex> {
  const index = await openSaved(indexDir);
  opened.push(index);
  return index;
}

async function seededIndex(embedder: 'hashed' | 'minilm' = 'hashed', loaders?: EmbedderLoaders) {
  const corpus = await copySeeds();
  const indexDir = await makeTempDir('index');
  const first = await ingest({ corpus, indexDir, embedder, loaders });
  return { corpus, indexDir, first };
}

/** Every live chunk's (article, start) → label. */
function chunkLabels(index: LoadedIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (let label = 0; label < index.manifest.nextLabel; label++) {
    const chunk = index.chunk(label);
    if (chunk) out.set(`${chunk.docId}@${chunk.start}`, label);
  }
  return out;
}

const docsFor = (index: LoadedIndex, text: string, k = 5) => index.lexical.search(countTerms(analyzeTerms(text)), k).map((h) => index.chunk(h.label)!.docId);

describe('incremental ingest', () => {
  it('reads nothing when no file changed, and writes no new build', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const build = await liveBuild(indexDir);
    const again = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(again).toMatchObject({ upToDate: true, embeddedArticles: 0, embeddedChunks: 0, articles: 5, chunks: first.chunks, sentences: first.sentences });
    expect(await liveBuild(indexDir)).toBe(build);
  });

  it('embeds nothing when a file is only touched (same content, new time)', async () => {
    const { corpus, indexDir } = await seededIndex();
    const file = join(corpus, '000_f369db645636c1c7.txt');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const again = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(again).toMatchObject({ embeddedArticles: 0, removedArticles: 0, articles: 5 });
    expect((await ingest({ corpus, indexDir, embedder: 'hashed' })).upToDate).toBe(true);
  });

  it('keeps every vector when the corpus folder moves: the content hash does not name the folder', async () => {
    const { corpus, indexDir } = await seededIndex();
    const moved = join(await makeTempDir('moved'), 'archive');
    await cp(corpus, moved, { recursive: true, preserveTimestamps: true });
    const again = await ingest({ corpus: moved, indexDir, embedder: 'hashed' });
    expect(again.embeddedArticles).toBe(0);
    const index = await open(indexDir);
    expect(index.meta('000_f369db645636c1c7')?.file).toBe(join(moved, '000_f369db645636c1c7.txt'));
    expect(index.store.catalog()).toHaveLength(5);
    // Copied without its times: every file is read again, nothing is embedded again.
    const copied = join(await makeTempDir('copied'), 'archive');
    await cp(corpus, copied, { recursive: true });
    expect((await ingest({ corpus: copied, indexDir, embedder: 'hashed' })).embeddedArticles).toBe(0);
  });

  it('rebuilds everything when the index was analysed by another version of the term analyser', async () => {
    const { corpus, indexDir } = await seededIndex();
    const file = join(await liveBuild(indexDir), BUILD_FILES.manifest);
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...manifest, analyzer: manifest.analyzer - 1 }));
    expect(await ingest({ corpus, indexDir, embedder: 'hashed' })).toMatchObject({ upToDate: false, embeddedArticles: 5 });
  });

  it('reads every file again when the corpus-loading code changed, and embeds again only what it now reads differently', async () => {
    const { corpus, indexDir } = await seededIndex();
    // A file edited behind the size-and-time check: same length, same modification time.
    const file = join(corpus, '000_f369db645636c1c7.txt');
    const time = new Date('2024-01-01T00:00:00Z');
    await utimes(file, time, time);
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const text = await readFile(file, 'utf8');
    const edited = text.replace('Lavrov', 'Lavrof');
    expect(edited.length).toBe(text.length);
    await writeFile(file, edited);
    await utimes(file, time, time);
    const markOlderLoader = async () => {
      const manifestFile = join(await liveBuild(indexDir), BUILD_FILES.manifest);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
      await writeFile(manifestFile, JSON.stringify({ ...manifest, corpus: { ...manifest.corpus, loaderDigest: 'an older splitter' } }));
    };
    // With the same loading code the file is trusted by its size and time.
    expect(await ingest({ corpus, indexDir, embedder: 'hashed' })).toMatchObject({ upToDate: true, embeddedArticles: 0 });
    await markOlderLoader();
    const warnings: string[] = [];
    expect(await ingest({ corpus, indexDir, embedder: 'hashed', warn: (l) => warnings.push(l) })).toMatchObject({ upToDate: false, embeddedArticles: 1, articles: 5 });
    expect(warnings.join('\n')).toMatch(/loading code changed/);
    expect((await readSavedManifest(indexDir)).corpus.loaderDigest).not.toBe('an older splitter');
    // Read again with nothing read differently: nothing is embedded.
    await markOlderLoader();
    expect(await ingest({ corpus, indexDir, embedder: 'hashed' })).toMatchObject({ upToDate: false, embeddedArticles: 0, articles: 5 });
  });

  it('rebuilds everything when the index was saved in another format', async () => {
    const { corpus, indexDir } = await seededIndex();
    const file = join(await liveBuild(indexDir), BUILD_FILES.manifest);
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 2 }));
    const warnings: string[] = [];
    expect(await ingest({ corpus, indexDir, embedder: 'hashed', warn: (l) => warnings.push(l) })).toMatchObject({ upToDate: false, embeddedArticles: 5 });
    expect(warnings.join('\n')).toMatch(/format 2/);
  });

  it('stays up to date when only a skipped file is added, and keeps reporting it', async () => {
    const { corpus, indexDir } = await seededIndex();
    await writeFile(join(corpus, 'notes.pdf'), '%PDF-1.4 not an article');
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    const third = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(second.embeddedArticles).toBe(0);
    expect(third.upToDate).toBe(true);
    for (const run of [second, third]) expect(run.skipped).toEqual([{ file: 'notes.pdf', reason: expect.stringContaining('.pdf') }]);
  });

  it('embeds only an added article, in a new segment, and finds it afterwards', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const segmentsBefore = (await readSavedManifest(indexDir)).segments;
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    const index = await open(indexDir);
    const added = [...chunkLabels(index).keys()].filter((k) => k.startsWith('005_zanzibar@')).length;
    expect(added).toBeGreaterThan(0);
    expect(second).toMatchObject({ upToDate: false, articles: 6, embeddedArticles: 1, embeddedChunks: added, removedArticles: 0, chunks: first.chunks + added });
    const segments = (await readSavedManifest(indexDir)).segments;
    expect(segments.slice(0, segmentsBefore.length)).toEqual(segmentsBefore);
    expect(segments).toHaveLength(segmentsBefore.length + 1);
    expect(docsFor(index, 'Pemba ferry', 1)).toEqual(['005_zanzibar']);
  });

  it('re-embeds only a changed article, and its old text can no longer be found', async () => {
    const { corpus, indexDir } = await seededIndex();
    const changedId = '002_d97138b7c8b56079';
    const before = await open(indexDir);
    const oldLabels = [...chunkLabels(before)].filter(([k]) => k.startsWith(`${changedId}@`)).map(([, l]) => l);
    const oldVectors = oldLabels.map((l) => before.vectors.vector(l));
    expect(docsFor(before, 'Goa resort suntan beaches')).toContain(changedId);

    await writeFile(join(corpus, `${changedId}.txt`), NEW_ARTICLE);
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(second).toMatchObject({ upToDate: false, articles: 5, embeddedArticles: 1, removedArticles: 0 });
    const after = await open(indexDir);
    expect(docsFor(after, 'Goa resort suntan beaches')).not.toContain(changedId);
    expect(docsFor(after, 'Pemba ferry', 1)).toEqual([changedId]);
    for (const vector of oldVectors) {
      const found = after.vectors.search(vector, 100).map((h) => h.label);
      expect(found.filter((l) => oldLabels.includes(l))).toEqual([]);
    }
  });

  it('drops a removed article from the store, the postings and the graph', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    const removedId = '004_7ba094462437808a';
    const before = await open(indexDir);
    const removed = [...chunkLabels(before)].filter(([k]) => k.startsWith(`${removedId}@`)).map(([, l]) => l);
    await rm(join(corpus, `${removedId}.txt`));
    const second = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(second).toMatchObject({ upToDate: false, articles: 4, embeddedArticles: 0, removedArticles: 1, chunks: first.chunks - removed.length });
    const after = await open(indexDir);
    expect(after.meta(removedId)).toBeUndefined();
    expect([...after.store.catalog()].map((m) => m.id)).not.toContain(removedId);
    for (const label of removed) {
      expect(after.chunk(label)).toBeUndefined();
      expect(after.vectors.has(label)).toBe(false);
    }
    expect(after.vectors.size).toBe(second.chunks);
    expect(after.lexical.unitCount).toBe(second.chunks);
  });

  it('rewrites a segment without its deleted articles once most of it is gone', async () => {
    const { corpus, indexDir } = await seededIndex();
    for (const id of ['003_efe2fcb9701c267e', '004_7ba094462437808a']) await rm(join(corpus, `${id}.txt`));
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const manifest = await readSavedManifest(indexDir);
    const tombstones = JSON.parse(await readFile(join(await liveBuild(indexDir), BUILD_FILES.tombstones), 'utf8'));
    expect(tombstones).toEqual({});
    expect(await readdir(join(indexDir, 'segments'))).toEqual(manifest.segments);
    const index = await open(indexDir);
    expect([...index.store.catalog()].map((m) => m.id).sort()).toEqual(['000_f369db645636c1c7', '001_ff5f5ba148e191cb', '002_d97138b7c8b56079']);
  });

  it('rebuilds everything with --rebuild, and leaves one build and only the segments it uses', async () => {
    const { corpus, indexDir, first } = await seededIndex();
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const again = await ingest({ corpus, indexDir, embedder: 'hashed', rebuild: true });
    expect(again).toMatchObject({ upToDate: false, embeddedArticles: 6 });
    expect(again.chunks).toBeGreaterThan(first.chunks);
    expect((await readdir(indexDir)).filter((e) => e.startsWith('build-'))).toHaveLength(1);
    expect(await readdir(join(indexDir, 'segments'))).toEqual((await readSavedManifest(indexDir)).segments);
  });
});

describe('an update answers as a full rebuild of the same corpus would', () => {
  /** An embedder that does not depend on the corpus (hashed words, no IDF), so both builds embed alike. */
  const fixed: EmbedderLoaders = {
    loadMiniLM: async () => {
      const dims = 64;
      const embedder: Embedder = {
        name: 'minilm',
        dims,
        fingerprint: 'test:fixed-bag-of-words',
        embed: async (texts) =>
          texts.map((text) => {
            const v = new Float32Array(dims);
            for (const t of analyzeTerms(text)) v[[...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % dims]! += 1;
            const norm = Math.hypot(...v) || 1;
            return v.map((x) => x / norm);
          }),
      };
      return embedder;
    },
  };

  it('after an added, a changed and a removed article: the same quotes, sources and BM25 scores', async () => {
    const { corpus, indexDir } = await seededIndex('minilm', fixed);
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    await writeFile(join(corpus, '001_ff5f5ba148e191cb.txt'), 'Lavrov in Goa\n\nLavrov rested in Goa after the meeting with Jaishankar, the Russian side said.\n');
    await rm(join(corpus, '004_7ba094462437808a.txt'));
    const update = await ingest({ corpus, indexDir, embedder: 'minilm', loaders: fixed });
    expect(update).toMatchObject({ embeddedArticles: 2, removedArticles: 1 });
    const freshDir = await makeTempDir('fresh');
    await ingest({ corpus, indexDir: freshDir, embedder: 'minilm', loaders: fixed });

    const [updated, fresh] = await Promise.all([
      openArchive({ indexDir, loaders: fixed, settings: { abstainBelow: 0 } }),
      openArchive({ indexDir: freshDir, loaders: fixed, settings: { abstainBelow: 0 } }),
    ]);
    try {
      // The catalog an update writes is the one a full build writes: the added article in,
      // the removed one out, the changed one retitled, newest first.
      expect(updated.listArticles()).toEqual(fresh.listArticles());
      expect(updated.listArticles().map((a) => a.id)).toContain('005_zanzibar');
      expect(updated.listArticles().map((a) => a.id)).not.toContain('004_7ba094462437808a');
      expect(updated.listArticles().find((a) => a.id === '001_ff5f5ba148e191cb')?.title).toBe('Lavrov in Goa');
      const questions = [
        'Where did Jaishankar meet Lavrov in May 2023?',
        'When will boats to Pemba leave?',
        'Where did Lavrov rest after the meeting?',
        'What did Jaishankar say about ties with Russia?',
        'Who did Jaishankar meet in Vientiane?',
      ];
      for (const q of questions) {
        const [a, b] = await Promise.all([updated.ask(q), fresh.ask(q)]);
        expect(a.answer, q).toBe(b.answer);
        expect(a.sources.map((s) => s.docId), q).toEqual(b.sources.map((s) => s.docId));
        expect(a.confidence, q).toBeCloseTo(b.confidence, 6);
      }
      const where = (index: LoadedIndex, label: number) => `${index.chunk(label)!.docId}@${index.chunk(label)!.start}`;
      for (const text of ['Lavrov Goa meeting', 'ferry schedule Zanzibar', 'Jaishankar Moscow ties']) {
        const query = countTerms(analyzeTerms(text));
        const a = updated.index.lexical.search(query, 10).map((h) => [where(updated.index, h.label), h.score.toFixed(9)]);
        const b = fresh.index.lexical.search(query, 10).map((h) => [where(fresh.index, h.label), h.score.toFixed(9)]);
        expect(new Set(a.map((x) => x.join()))).toEqual(new Set(b.map((x) => x.join())));
      }
    } finally {
      updated.close();
      fresh.close();
    }
  });
});

describe('a crash during ingest', () => {
  it('leaves the previous build live and answering; the next ingest removes what the crash left', async () => {
    const { corpus, indexDir } = await seededIndex();
    const build = await liveBuild(indexDir);
    const segments = (await readSavedManifest(indexDir)).segments;
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    await expect(
      ingest({
        corpus,
        indexDir,
        embedder: 'hashed',
        beforeCommit: async () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await liveBuild(indexDir)).toBe(build);
    expect((await readdir(indexDir)).filter((e) => e.startsWith('build-')).length).toBe(2);
    const archive = await openArchive({ indexDir });
    try {
      expect((await archive.ask('Where did Jaishankar meet Lavrov in May 2023?')).answer).toContain('Goa');
      expect(archive.index.meta('005_zanzibar')).toBeUndefined();
    } finally {
      archive.close();
    }
    // A crash halfway through the corpus (here: while reporting progress) too.
    await expect(ingest({ corpus, indexDir, embedder: 'hashed', rebuild: true, onProgress: (done) => { if (done === 3) throw new Error('killed'); } })).rejects.toThrow('killed');
    expect(await liveBuild(indexDir)).toBe(build);
    const next = await ingest({ corpus, indexDir, embedder: 'hashed' });
    expect(next.embeddedArticles).toBe(1);
    expect((await readdir(indexDir)).filter((e) => e.startsWith('build-'))).toHaveLength(1);
    expect((await readdir(join(indexDir, 'segments'))).sort()).toEqual([...(await readSavedManifest(indexDir)).segments].sort());
    expect((await readSavedManifest(indexDir)).segments.slice(0, segments.length)).toEqual(segments);
  });
});

describe('repairs', () => {
  it('rebuilds an index whose graph file was truncated, saying so, instead of reporting it up to date', async () => {
    const { corpus, indexDir } = await seededIndex();
    const graph = join(await liveBuild(indexDir), BUILD_FILES.vectors);
    await truncate(graph, 1000);
    const warnings: string[] = [];
    const again = await ingest({ corpus, indexDir, embedder: 'hashed', warn: (l) => warnings.push(l) });
    expect(again).toMatchObject({ upToDate: false, embeddedArticles: 5 });
    expect(warnings.join('\n')).toMatch(/vectors\.hnsw.*bytes/);
    const index = await open(indexDir);
    expect(index.vectors.size).toBe(again.chunks);
  });

  it('rebuilds an index whose segment folder is gone', async () => {
    const { corpus, indexDir } = await seededIndex();
    const [segment] = (await readSavedManifest(indexDir)).segments;
    await rename(join(indexDir, 'segments', segment!), join(indexDir, 'segments', 'gone'));
    await writeFile(join(corpus, '005_zanzibar.txt'), NEW_ARTICLE);
    const warnings: string[] = [];
    const again = await ingest({ corpus, indexDir, embedder: 'hashed', warn: (l) => warnings.push(l) });
    expect(again).toMatchObject({ embeddedArticles: 6 });
    expect(warnings.join('\n')).toMatch(/corrupt/);
  });
});
