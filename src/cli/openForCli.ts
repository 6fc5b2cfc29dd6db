import type { Config } from '../config.ts';
import { loadersWithCache } from '../embed/chooseEmbedder.ts';
import type { EmbedderChoice } from '../embed/types.ts';
import { openArchive, type OpenedArchive } from '../qa/openArchive.ts';
import { formatIngestSummary } from './formatForTerminal.ts';
import { createProgress } from './progressBar.ts';

/**
 * Open the archive for a terminal command. With no `--index`, the configured index is
 * (re)built from the configured corpus when missing or stale, so a first `ask` just works;
 * when it holds another corpus and CORPUS_DIR was left at its default, it is used as it is,
 * with a notice. An explicit `--index` without `--corpus` is loaded as it is. `live` (chat)
 * swaps in new builds as they appear.
 */
export async function openForCli(config: Config, flags: { index?: string; corpus?: string; embedder?: string }, live = false): Promise<OpenedArchive> {
  const progress = createProgress('Building index');
  const corpusDir = flags.corpus ?? (flags.index ? undefined : config.CORPUS_DIR);
  try {
    return await openArchive({
      indexDir: flags.index ?? config.INDEX_DIR,
      corpusDir,
      corpusChosen: flags.corpus !== undefined || config.CORPUS_DIR_CHOSEN,
      watchIndexMs: live ? config.RELOAD_INDEX_SECONDS * 1000 : 0,
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
