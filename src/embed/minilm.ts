import { resolve } from 'node:path';
import type * as Transformers from '@xenova/transformers';
import type { Embedder } from './types.ts';

/**
 * MiniLM sentence embeddings through `@xenova/transformers` (ONNX, CPU). This is the only file
 * that imports the library: it is heavy, configures itself through a process-wide `env`, and
 * may touch the network, so the rest of the project sees only the `Embedder` interface. The
 * library is imported on first load, not with this module: it costs ~200 ms and pulls native
 * modules (onnxruntime-node, and sharp at import time), so a broken install becomes a
 * `ModelLoadError` that `auto` can fall back from instead of a crash on startup.
 */

/** The Transformers.js export of `sentence-transformers/all-MiniLM-L6-v2` (384 dims). */
export const MINILM_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

export interface MiniLMOptions {
  /**
   * Where downloaded model files are kept, as `<cacheDir>/<modelId>/...`. Transformers.js
   * would otherwise cache inside node_modules, which `npm ci` wipes.
   * @default '.cache/models'
   */
  cacheDir?: string;
  /**
   * A folder holding models as `<localModelPath>/<modelId>/` (tokenizer, config, `onnx/`),
   * checked after the cache and before the network.
   * @default undefined (the library's own `models/` folder, normally empty)
   */
  localModelPath?: string;
  /** Download from the Hugging Face Hub when the model is not cached or local. @default true */
  allowRemoteModels?: boolean;
  /** @default MINILM_MODEL_ID */
  modelId?: string;
  /** Texts per model call; bigger batches pad more but call less often. @default 32 */
  batchSize?: number;
  /** Load `onnx/model_quantized.onnx` (int8, ~23 MB) instead of `onnx/model.onnx`. @default true */
  quantized?: boolean;
}

type ResolvedMiniLMOptions = Required<Omit<MiniLMOptions, 'localModelPath'>> &
  Pick<MiniLMOptions, 'localModelPath'>;

export const DEFAULT_MINILM_OPTIONS: Readonly<ResolvedMiniLMOptions> = Object.freeze({
  cacheDir: '.cache/models',
  allowRemoteModels: true,
  modelId: MINILM_MODEL_ID,
  batchSize: 32,
  quantized: true,
});

/** The model could not be loaded (offline and not cached, files missing, unreadable model). */
export class ModelLoadError extends Error {
  readonly code = 'MODEL_UNAVAILABLE';
  override readonly name = 'ModelLoadError';
}

type TransformersModule = typeof Transformers;
type FeatureExtractor = Awaited<ReturnType<typeof Transformers.pipeline<'feature-extraction'>>>;

let library: { module: TransformersModule; defaultLocalModelPath: string } | undefined;

/** Import the library once, remembering defaults that each load resets (its `env` is global). */
async function importTransformers(): Promise<NonNullable<typeof library>> {
  if (!library) {
    const module = await import('@xenova/transformers');
    library = { module, defaultLocalModelPath: module.env.localModelPath };
  }
  return library;
}

const PROBE_TEXT = 'How many dimensions does this model produce?';

/**
 * Load MiniLM and return an `Embedder` producing mean-pooled, L2-normalised vectors. The width
 * is read from the model's output on a probe sentence, not assumed. Rejects with
 * `ModelLoadError` (`code: 'MODEL_UNAVAILABLE'`) when the model cannot be loaded; offline
 * without a cached copy this fails as soon as the first request does (no retries).
 *
 * Loads configure the library's global `env`, so run them one at a time.
 */
export async function loadMiniLM(options: Partial<MiniLMOptions> = {}): Promise<Embedder> {
  const opts: ResolvedMiniLMOptions = { ...DEFAULT_MINILM_OPTIONS, ...dropUndefined(options) };
  validateOptions(opts);

  const cacheDir = resolve(opts.cacheDir);
  let transformers: NonNullable<typeof library>;
  try {
    transformers = await importTransformers();
  } catch (err) {
    throw new ModelLoadError(
      `cannot load embedding model ${opts.modelId}: @xenova/transformers failed to import ` +
        `(${oneLineCause(err)}); reinstall dependencies with \`npm ci\`, or use --embedder hashed`,
      { cause: err },
    );
  }
  const { env, pipeline } = transformers.module;
  env.cacheDir = cacheDir;
  env.useFSCache = true;
  // Local files stay allowed even with a custom path unset: with remote models off, the
  // library reads its cache only when local models are allowed.
  env.allowLocalModels = true;
  env.localModelPath =
    opts.localModelPath === undefined
      ? transformers.defaultLocalModelPath
      : resolve(opts.localModelPath);
  env.allowRemoteModels = opts.allowRemoteModels;

  let extractor: FeatureExtractor;
  let dims: number;
  try {
    extractor = await pipeline('feature-extraction', opts.modelId, { quantized: opts.quantized });
    const probe = await extractor([PROBE_TEXT], { pooling: 'mean', normalize: true });
    dims = probe.dims[1] ?? 0;
    if (probe.dims.length !== 2 || dims <= 0 || probe.data.length !== dims) {
      throw new Error(
        `pooled output has shape [${probe.dims.join(', ')}], expected [1, hidden]; ` +
          'is this a feature-extraction (sentence embedding) model?',
      );
    }
  } catch (err) {
    throw new ModelLoadError(describeFailure(opts, opts.cacheDir, env.localModelPath, err), {
      cause: err,
    });
  }

  const batchSize = opts.batchSize;
  return {
    name: 'minilm',
    dims,
    fingerprint: `minilm:${opts.modelId}:${opts.quantized ? 'q8' : 'fp32'}:${dims}`,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts.slice(start, start + batchSize);
        const output = await extractor(batch, { pooling: 'mean', normalize: true });
        const data = output.data;
        if (!(data instanceof Float32Array) || data.length !== batch.length * dims) {
          throw new Error(
            `${opts.modelId} returned ${data.length} values for ${batch.length} texts of ` +
              `${dims} dims; the model files may be corrupt: delete ${cacheDir}/${opts.modelId}`,
          );
        }
        // Copies, so callers never hold views into one shared batch buffer.
        for (let row = 0; row < batch.length; row++) {
          vectors.push(data.slice(row * dims, (row + 1) * dims));
        }
      }
      return vectors;
    },
  };
}

function validateOptions(opts: ResolvedMiniLMOptions): void {
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) {
    throw new RangeError(`MiniLM batchSize must be a whole number >= 1, got ${opts.batchSize}`);
  }
  if (!opts.modelId.trim()) {
    throw new RangeError(`MiniLM modelId is empty; use "${MINILM_MODEL_ID}"`);
  }
  if (!opts.cacheDir.trim()) {
    throw new RangeError(`MiniLM cacheDir is empty; use "${DEFAULT_MINILM_OPTIONS.cacheDir}"`);
  }
}

/**
 * One line: which model, why (the library's message and its network cause), and the fix. The
 * cache folder is named as configured (MODEL_CACHE_DIR, relative to where the command runs),
 * so the line reads the same on every machine.
 */
function describeFailure(
  opts: ResolvedMiniLMOptions,
  cacheDir: string,
  localModelPath: string,
  err: unknown,
): string {
  const fix = opts.allowRemoteModels
    ? `connect to the internet once so it downloads into ${cacheDir}, or use --embedder hashed`
    : `remote downloads are disabled: put the model in ${localModelPath}/${opts.modelId}/ ` +
      `or ${cacheDir}/${opts.modelId}/, allow downloads and connect once, or use --embedder hashed`;
  return `cannot load embedding model ${opts.modelId} (${oneLineCause(err)}); ${fix}`;
}

/** `fetch failed: getaddrinfo ENOTFOUND huggingface.co` rather than a bare `fetch failed`. */
function oneLineCause(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    const line = message.split('\n')[0]?.trim() ?? '';
    if (line && !parts.includes(line)) parts.push(line);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ') || 'unknown error';
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
