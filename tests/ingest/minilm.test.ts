import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedderLoaders } from '../../src/embed/chooseEmbedder.ts';
import { loadMiniLM, type MiniLMOptions } from '../../src/embed/minilm.ts';
import type { Embedder } from '../../src/embed/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { chunkEmbeddingText } from '../../src/store/chunkText.ts';
import { openStore } from '../../src/store/openStore.ts';
import { makeTinyMiniLMDir, type TinyMiniLMDir } from '../support/tinyOnnxModel.ts';
import { copySeeds, makeTempDir, readSavedManifest, removeTempDirs, SEEDS_DIR } from './seedCorpus.ts';

/** Offline MiniLM: the real tokenizer and pipeline over a generated ONNX graph (32 dims). */
let tiny: TinyMiniLMDir;
let cacheDir: string;
beforeAll(async () => {
  tiny = await makeTinyMiniLMDir({ hidden: 32 });
  cacheDir = await makeTempDir('model-cache');
});
afterAll(async () => {
  await tiny?.cleanup();
  await removeTempDirs();
});

function tinyOptions(): Partial<MiniLMOptions> {
  return { localModelPath: tiny.root, cacheDir, allowRemoteModels: false };
}

/** Loaders whose MiniLM counts every text it embeds. */
function countingLoaders(): { loaders: EmbedderLoaders; embedded: string[] } {
  const embedded: string[] = [];
  const loaders: EmbedderLoaders = {
    miniLMOptions: tinyOptions(),
    loadMiniLM: async (options) => {
      const inner = await loadMiniLM(options);
      const counting: Embedder = {
        name: inner.name,
        dims: inner.dims,
        fingerprint: inner.fingerprint,
        embed: (texts) => {
          embedded.push(...texts);
          return inner.embed(texts);
        },
      };
      return counting;
    },
  };
  return { loaders, embedded };
}

describe('ingest with MiniLM (tiny generated model)', () => {
  it('builds an index recorded as minilm with the model\'s width, and its vectors can be searched', async () => {
    const indexDir = await makeTempDir('minilm-index');
    const { loaders } = countingLoaders();
    const summary = await ingest({ corpus: SEEDS_DIR, indexDir, embedder: 'minilm', loaders });
    expect(summary).toMatchObject({ embedder: 'minilm', dims: 32, articles: 5, upToDate: false });
    const manifest = await readSavedManifest(indexDir);
    expect(manifest.embedder).toEqual({ name: 'minilm', dims: 32, fingerprint: expect.stringContaining(':32') });

    const store = await openStore(indexDir, { embedder: 'minilm', dims: 32 });
    const embedder = await loadMiniLM(tinyOptions());
    const chunk = store.chunk(7)!;
    const [query] = await embedder.embed([chunkEmbeddingText(store.meta(chunk.docId)!.title, store.text(chunk.docId)!, chunk)]);
    expect(store.vectors.search(query!, 1)[0]?.label).toBe(chunk.label);
    store.close();
  });

  it('sends only an added article\'s chunks to the model on the next ingest', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('minilm-index');
    const first = countingLoaders();
    const built = await ingest({ corpus, indexDir, embedder: 'minilm', loaders: first.loaders });
    expect(first.embedded).toHaveLength(built.chunks);

    await writeFile(join(corpus, '005_goa.txt'), 'Lavrov in Goa\n\nLavrov rested in Goa for two days after the meeting.\n');
    const second = countingLoaders();
    const summary = await ingest({ corpus, indexDir, embedder: 'minilm', loaders: second.loaders });
    expect(summary).toMatchObject({ embeddedArticles: 1, embedder: 'minilm' });
    expect(second.embedded).toHaveLength(summary.embeddedChunks);
    expect(second.embedded.every((text) => text.startsWith('Lavrov in Goa\n'))).toBe(true);
  });

  it('rebuilds a hashed index fully with MiniLM when MiniLM is asked for', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('switch-index');
    const hashed = await ingest({ corpus, indexDir, embedder: 'hashed' });
    await expect(openStore(indexDir, { embedder: 'minilm', dims: 384 })).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });

    const { loaders, embedded } = countingLoaders();
    const rebuilt = await ingest({ corpus, indexDir, embedder: 'minilm', loaders });
    expect(rebuilt).toMatchObject({ upToDate: false, embedder: 'minilm', dims: 32, embeddedArticles: 5, embeddedChunks: hashed.chunks });
    expect(embedded).toHaveLength(hashed.chunks);
    expect((await readSavedManifest(indexDir)).embedder.name).toBe('minilm');
    const store = await openStore(indexDir, { embedder: 'minilm', dims: 32 });
    expect(store.manifest.embedder.dims).toBe(32);
    store.close();
  });

  it('falls back from auto to hashed with exactly one warning line when the model is missing', async () => {
    const indexDir = await makeTempDir('auto-index');
    const warnings: string[] = [];
    const loaders: EmbedderLoaders = { loadMiniLM, miniLMOptions: { ...tinyOptions(), modelId: 'nobody/missing-model' } };
    const summary = await ingest({ corpus: SEEDS_DIR, indexDir, embedder: 'auto', loaders, warn: (line) => warnings.push(line) });
    expect(summary).toMatchObject({ embedder: 'hashed', articles: 5 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain('\n');
    expect((await readSavedManifest(indexDir)).embedder.name).toBe('hashed');
  });
});
