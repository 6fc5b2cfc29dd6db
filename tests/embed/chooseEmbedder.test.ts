import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { chooseBuildEmbedder, loadersWithCache, openQueryEmbedder, type EmbedderLoaders } from '../../src/embed/chooseEmbedder.ts';
import { fitHashedEmbedder } from '../../src/embed/hashed.ts';
import { loadMiniLM } from '../../src/embed/minilm.ts';
import { makeTinyMiniLMDir, type TinyMiniLMDir } from '../support/tinyOnnxModel.ts';

describe('chooseBuildEmbedder', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'archivist-no-model-'));
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });
  /** The real loader, offline, pointed at a folder without the model. */
  const unavailable = (): EmbedderLoaders => ({
    loadMiniLM,
    miniLMOptions: { localModelPath: empty, cacheDir: empty, allowRemoteModels: false, modelId: 'nobody/missing-model' },
  });

  it('returns hashed for "hashed" without trying to load MiniLM', async () => {
    const load = vi.fn(loadMiniLM);
    const warn = vi.fn();
    expect(await chooseBuildEmbedder('hashed', { loadMiniLM: load }, warn)).toBe('hashed');
    expect(load).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back from "auto" to hashed with exactly one warning line when MiniLM cannot load', async () => {
    const warn = vi.fn();
    expect(await chooseBuildEmbedder('auto', unavailable(), warn)).toBe('hashed');
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]![0]);
    expect(line).not.toContain('\n');
    expect(line).toContain('hashed');
  });

  it('rejects "minilm" when MiniLM cannot load, with the loader error code', async () => {
    await expect(chooseBuildEmbedder('minilm', unavailable(), () => {})).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});

describe('openQueryEmbedder', () => {
  let tiny: TinyMiniLMDir;
  beforeAll(async () => {
    tiny = await makeTinyMiniLMDir({ hidden: 32 });
  });
  afterAll(async () => {
    await tiny?.cleanup();
  });

  it('restores the hashed embedder an index was built with', async () => {
    const built = fitHashedEmbedder(['Lavrov met Jaishankar in Vientiane', 'Oil trade in rupees'].map(analyzeTerms));
    const query = await openQueryEmbedder(built, built.state, { loadMiniLM });
    expect(query.fingerprint).toBe(built.fingerprint);
    expect(Array.from((await query.embed(['Vientiane talks']))[0]!)).toEqual(Array.from((await built.embed(['Vientiane talks']))[0]!));
  });

  it('refuses a MiniLM whose width differs from the index', async () => {
    const loaders: EmbedderLoaders = { loadMiniLM, miniLMOptions: { localModelPath: tiny.root, allowRemoteModels: false } };
    await expect(openQueryEmbedder({ name: 'minilm', dims: 384 }, null, loaders)).rejects.toThrow(/npm run ingest/);
    const ok = await openQueryEmbedder({ name: 'minilm', dims: 32 }, null, loaders);
    expect(ok.dims).toBe(32);
  });
});

describe('loadersWithCache', () => {
  it('hands MODEL_CACHE_DIR to MiniLM, so the failure names where the weights would go', async () => {
    const loaders = loadersWithCache('/tmp/archivist-cache-test');
    expect(loaders.miniLMOptions).toEqual({ cacheDir: '/tmp/archivist-cache-test' });
    // Remote loading off: no network; the error must point at the configured cache folder.
    const error = await loaders.loadMiniLM({ ...loaders.miniLMOptions, allowRemoteModels: false, modelId: 'missing/model' }).catch((e: Error) => e);
    expect((error as { code?: string }).code).toBe('MODEL_UNAVAILABLE');
    expect((error as Error).message).toContain('/tmp/archivist-cache-test');
  });
});
