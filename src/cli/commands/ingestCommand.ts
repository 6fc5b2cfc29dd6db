import type { Config } from '../../config.ts';
import { EMBEDDER_CHOICES, type EmbedderChoice } from '../../embed/types.ts';
import { loadersWithCache } from '../../embed/chooseEmbedder.ts';
import { ingest } from '../../ingest/ingest.ts';
import { formatIngestSummary } from '../formatForTerminal.ts';
import { createProgress } from '../progressBar.ts';
import { UsageError } from '../usageError.ts';

export async function ingestCommand(config: Config, flags: { corpus?: string; index?: string; embedder?: string; rebuild?: boolean }): Promise<number> {
  const embedder = (flags.embedder ?? config.EMBEDDER) as EmbedderChoice;
  if (!EMBEDDER_CHOICES.includes(embedder)) throw new UsageError(`unknown embedder "${flags.embedder}": use one of ${EMBEDDER_CHOICES.join(', ')}`);
  const progress = createProgress('Embedding');
  try {
    const summary = await ingest({
      corpus: flags.corpus ?? config.CORPUS_DIR,
      indexDir: flags.index ?? config.INDEX_DIR,
      embedder,
      rebuild: flags.rebuild,
      loaders: loadersWithCache(config.MODEL_CACHE_DIR),
      onProgress: progress.update,
      warn: (line) => console.error(line),
    });
    progress.stop();
    console.log(formatIngestSummary(summary));
    return 0;
  } finally {
    progress.stop();
  }
}
