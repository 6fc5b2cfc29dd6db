import { loadConfigOrExit } from '../config.ts';
import { log } from '../log.ts';
import { openBotArchive } from './openBotArchive.ts';
import { exitOnStartFailure } from './stopOnSignals.ts';

/**
 * Run by the shard manager (`npm run start:sharded`) in a short-lived child process before any
 * shard starts: build or refresh `INDEX_DIR` from `CORPUS_DIR`, then exit. The archive code and
 * the index never load into the long-lived manager, which stays small.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const archive = await openBotArchive(config, { build: true });
  log.info({ articles: archive.stats().articles, indexDir: config.INDEX_DIR }, 'index ready for the shards');
  archive.close();
}

main().then(() => process.exit(0), exitOnStartFailure(log, 'could not build the index for the shards'));
