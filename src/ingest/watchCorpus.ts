import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ingest, type IngestOptions, type IngestSummary } from './ingest.ts';

export interface WatchCorpusOptions extends IngestOptions {
  /** Quiet time after the last change before ingesting (a copy of many files is one update). @default 2000 */
  debounceMs?: number;
  /** After each ingest that changed the index (the caller swaps the new build in). */
  onIngested?: (summary: IngestSummary) => void;
  /** An ingest failed; watching goes on. */
  onError?: (error: Error) => void;
}

/**
 * Keep an index up to date with its corpus while a process runs (`WATCH_CORPUS=true`, `chat
 * --watch`): file changes under the corpus start an incremental ingest once they settle, one
 * at a time (changes during an ingest start another after it). Returns a function that stops.
 */
export async function watchCorpus(options: WatchCorpusOptions): Promise<() => void> {
  const { debounceMs = 2000, onIngested, onError, ...ingestOptions } = options;
  const folder = (await stat(options.corpus)).isDirectory();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const summary = await ingest(ingestOptions);
        if (!summary.upToDate) onIngested?.(summary);
      } while (again && !stopped);
    } catch (error) {
      onError?.(error as Error);
    } finally {
      running = false;
    }
  };
  const changed = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
    timer.unref();
  };
  const watcher: FSWatcher = watch(options.corpus, { recursive: folder, persistent: false }, changed);
  watcher.on('error', (error) => onError?.(error));
  return () => {
    stopped = true;
    clearTimeout(timer);
    watcher.close();
  };
}
