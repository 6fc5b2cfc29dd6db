import type { Embedder, EmbedderChoice } from './types.ts';
import { restoreHashedEmbedder, type HashedState } from './hashed.ts';
import { loadMiniLM, type MiniLMOptions } from './minilm.ts';

/** How a backend is loaded; tests pass a MiniLM pointed at a tiny local model. */
export interface EmbedderLoaders {
  loadMiniLM: (options?: Partial<MiniLMOptions>) => Promise<Embedder>;
  miniLMOptions?: Partial<MiniLMOptions>;
}

export const DEFAULT_LOADERS: EmbedderLoaders = { loadMiniLM };

/** The real loaders, with MiniLM's weights downloaded to / read from `cacheDir` (MODEL_CACHE_DIR). */
export function loadersWithCache(cacheDir: string): EmbedderLoaders {
  return { loadMiniLM, miniLMOptions: { cacheDir } };
}

/**
 * The backend for building an index. `minilm` must load; `auto` tries it and, when the
 * model cannot be loaded (no cached weights and no network), falls back to the offline
 * `hashed` backend with one warning line. `hashed` is returned as a name only: its IDF table
 * is fitted on the corpus (or restored from the previous index) by ingest.
 */
export async function chooseBuildEmbedder(
  choice: EmbedderChoice,
  loaders: EmbedderLoaders,
  warn: (line: string) => void,
): Promise<Embedder | 'hashed'> {
  if (choice === 'hashed') return 'hashed';
  try {
    return await loaders.loadMiniLM(loaders.miniLMOptions);
  } catch (error) {
    if (choice === 'minilm') throw error;
    warn(`warning: ${firstLine(error)}; using the offline hashed embedder for now`);
    return 'hashed';
  }
}

/**
 * The embedder that reads questions for an existing index: the same backend and state the
 * index was built with, or an error naming the fix.
 */
export async function openQueryEmbedder(
  built: { name: string; dims: number; fingerprint?: string },
  embedderState: unknown,
  loaders: EmbedderLoaders,
): Promise<Embedder> {
  if (built.name === 'hashed') return restoreHashedEmbedder(embedderState as HashedState);
  const embedder = await loaders.loadMiniLM(loaders.miniLMOptions);
  if (embedder.dims !== built.dims || (built.fingerprint !== undefined && embedder.fingerprint !== built.fingerprint)) {
    throw new Error(
      `the index was built with ${built.fingerprint ?? built.name} (${built.dims} dims) but this model is ${embedder.fingerprint}: run \`npm run ingest -- --embedder minilm --rebuild\``,
    );
  }
  return embedder;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
