import type { Config } from '../config.ts';
import { loadersWithCache } from '../embed/chooseEmbedder.ts';
import type { EmbedderChoice } from '../embed/types.ts';
import { openArchive, type OpenedArchive } from '../qa/openArchive.ts';
import { formatIngestSummary } from './formatForTerminal.ts';
import { createProgress } from './progressBar.ts';

/**
 * Open the archive for a terminal command. With no `--index`, the configured index is
 * (re)built from the configured corpus when missing or stale, so a first `ask` just works.
 * An explicit `--index` without `--corpus` is loaded as it is (it may hold another corpus).
 */
export async function openForCli(config: Config, flags: { index?: string; corpus?: string; embedder?: string }): Promise<OpenedArchive> {
  const progress = createProgress('Building index');
  const corpusDir = flags.corpus ?? (flags.index ? undefined : config.CORPUS_DIR);
  try {
    return await openArchive({
      indexDir: flags.index ?? config.INDEX_DIR,
      corpusDir,
      embedder: (flags.embedder as EmbedderChoice | undefined) ?? config.EMBEDDER,
      loaders: loadersWithCache(config.MODEL_CACHE_DIR),
      log: (line) => console.error(line),
      settings: { abstainBelow: config.ABSTAIN_BELOW },
      onProgress: progress.update,
      onBuilt: (summary) => {
        progress.stop();
        console.error(formatIngestSummary(summary));
      },
    });
  } finally {
    progress.stop();
  }
}
