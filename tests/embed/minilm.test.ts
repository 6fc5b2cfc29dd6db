import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMiniLM, MINILM_MODEL_ID, ModelLoadError } from '../../src/embed/minilm.ts';
import type { Embedder } from '../../src/embed/types.ts';
import { makeTinyMiniLMDir, type TinyMiniLMDir } from '../support/tinyOnnxModel.ts';

/**
 * Offline: the real tokenizer and the real transformers.js pipeline, over a generated one-node
 * ONNX graph (an embedding-table lookup) standing in for the MiniLM weights.
 */

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}

describe('loadMiniLM over a tiny local model', () => {
  let tiny: TinyMiniLMDir;
  let cacheDir: string;
  let embedder: Embedder;

  beforeAll(async () => {
    tiny = await makeTinyMiniLMDir({ hidden: 64 });
    cacheDir = await mkdtemp(join(tmpdir(), 'archivist-minilm-cache-'));
    embedder = await loadMiniLM({
      localModelPath: tiny.root,
      cacheDir,
      allowRemoteModels: false,
      batchSize: 2,
    });
  });

  afterAll(async () => {
    await tiny?.cleanup();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  it('reads its width from the model output and names it in the fingerprint', () => {
    expect(embedder.name).toBe('minilm');
    expect(embedder.dims).toBe(64);
    expect(embedder.fingerprint).toBe(`minilm:${MINILM_MODEL_ID}:q8:64`);
  });

  it('returns one unit-length vector of dims floats per text, in order', async () => {
    const vectors = await embedder.embed(['Floods hit the coast.', 'Markets rallied on Friday.']);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(64);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('gives the same vector for the same text', async () => {
    const first = at(await embedder.embed(['The council approved the budget.']), 0);
    const second = at(await embedder.embed(['The council approved the budget.']), 0);
    expect(Array.from(second)).toEqual(Array.from(first));
  });

  it('gives different vectors for different texts', async () => {
    const vectors = await embedder.embed([
      'The council approved the budget.',
      'A storm closed the port.',
    ]);
    expect(dot(at(vectors, 0), at(vectors, 1))).toBeLessThan(0.99);
  });

  it('puts texts that share word pieces closer than unrelated ones', async () => {
    const vectors = await embedder.embed([
      'the central bank raised interest rates',
      'the central bank raised interest rates again on tuesday',
      'penguins waddled across antarctic ice',
    ]);
    const [base, overlapping, unrelated] = [at(vectors, 0), at(vectors, 1), at(vectors, 2)];
    expect(dot(base, overlapping)).toBeGreaterThan(dot(base, unrelated) + 0.2);
  });

  it('gives the same vectors in batches (with padding) as one by one', async () => {
    const texts = [
      'Short one.',
      'A much longer sentence about the harbour, the ferry timetable and the weather.',
      'Medium length text about elections.',
      '',
      'Last.',
    ];
    const batched = await embedder.embed(texts);
    expect(batched).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      const alone = at(await embedder.embed([text]), 0);
      expect(dot(at(batched, i), alone)).toBeCloseTo(1, 5);
    }
  });

  it('returns [] for no texts', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('embeds an empty string as a finite unit vector', async () => {
    const v = at(await embedder.embed(['']), 0);
    expect(v.every(Number.isFinite)).toBe(true);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  });
});

describe('loadMiniLM when the model is missing', () => {
  let emptyDir: string;

  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'archivist-minilm-empty-'));
  });

  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('rejects with MODEL_UNAVAILABLE, naming the model and the fix, without the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const modelId = 'Xenova/not-a-model-that-exists-here';
    const failure = loadMiniLM({
      modelId,
      localModelPath: emptyDir,
      cacheDir: emptyDir,
      allowRemoteModels: false,
    });
    await expect(failure).rejects.toBeInstanceOf(ModelLoadError);
    await expect(failure).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    await expect(failure).rejects.toThrow(modelId);
    await expect(failure).rejects.toThrow('--embedder hashed');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('rejects a batch size that is not a whole number', async () => {
    await expect(loadMiniLM({ batchSize: 0 })).rejects.toThrow('batchSize');
  });
});
