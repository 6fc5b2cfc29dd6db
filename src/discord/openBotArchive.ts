import type { Config } from '../config.ts';
import { log } from '../log.ts';
import type { OpenedArchive } from '../qa/openArchive.ts';

/**
 * The archive a bot process answers from. `build: true` (`npm start`) first builds or
 * refreshes `INDEX_DIR` from `CORPUS_DIR`; `build: false` (a shard process) only opens what is
 * on disk, read-only, so shard processes never write the index or race each other. Every bot
 * process looks for a new build every RELOAD_INDEX_SECONDS and swaps it in without a restart
 * (`/stats` then shows the new build time). The archive code loads here, lazily, so a missing
 * token fails before it does.
 */
export async function openBotArchive(config: Config, { build }: { build: boolean }): Promise<OpenedArchive> {
  const { openArchive } = await import('../qa/openArchive.ts');
  const { loadersWithCache } = await import('../embed/chooseEmbedder.ts');
  return openArchive({
    indexDir: config.INDEX_DIR,
    ...(build ? { corpusDir: config.CORPUS_DIR, corpusChosen: config.CORPUS_DIR_CHOSEN } : {}),
    embedder: config.EMBEDDER,
    loaders: loadersWithCache(config.MODEL_CACHE_DIR),
    log: (line) => log.info(line),
    watchIndexMs: config.RELOAD_INDEX_SECONDS * 1000,
    onReload: (stats) => log.info({ builtAt: stats.builtAt, articles: stats.articles }, 'new index build in use'),
    settings: { abstainBelow: config.ABSTAIN_BELOW },
  });
}

/**
 * With WATCH_CORPUS=true, re-ingest CORPUS_DIR as its files change (the process that owns the
 * index: `npm start`, or the shard manager); the bot processes pick the new build up themselves.
 */
export async function watchBotCorpus(config: Config, onIngested?: () => void): Promise<(() => void) | undefined> {
  if (!config.WATCH_CORPUS) return undefined;
  const { watchCorpus } = await import('../ingest/watchCorpus.ts');
  const { loadersWithCache } = await import('../embed/chooseEmbedder.ts');
  log.info({ corpus: config.CORPUS_DIR }, 'watching the corpus for changes');
  return watchCorpus({
    corpus: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedder: config.EMBEDDER,
    loaders: loadersWithCache(config.MODEL_CACHE_DIR),
    warn: (line) => log.warn(line),
    onIngested: (summary) => {
      log.info({ articles: summary.articles, embedded: summary.embeddedArticles, removed: summary.removedArticles }, 'corpus changed: index updated');
      onIngested?.();
    },
    onError: (err) => log.error({ err }, 'updating the index from the corpus failed; still answering from the last build'),
  });
}
