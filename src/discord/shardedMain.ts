import { log } from '../log.ts';
import { buildIndexFirst, StoppedWhileBuilding } from './buildIndexFirst.ts';
import { createShardManager, SHARD_READY_TIMEOUT_MS, spawnDelayMs, stopShards } from './createShardManager.ts';
import { fetchGatewayBot } from './fetchGatewayBot.ts';
import { loadBotConfigOrExit } from './loadBotConfig.ts';
import { watchBotCorpus } from './openBotArchive.ts';
import { exitOnStartFailure, stopOnSignals } from './stopOnSignals.ts';

/**
 * `npm run start:sharded`: the shard manager. It builds or refreshes `INDEX_DIR` from
 * `CORPUS_DIR` once, in a short-lived child (the only writer), asks the gateway how many shards
 * to run (through `DISCORD_API_URL` when set), then starts one process per shard; each opens the
 * index on disk read-only and answers its own guilds. The manager holds no archive itself and
 * forwards SIGINT/SIGTERM to the index build, then to the shards.
 */
async function main(): Promise<void> {
  const config = loadBotConfigOrExit();
  const token = config.DISCORD_TOKEN;

  try {
    await buildIndexFirst();
  } catch (error) {
    if (!(error instanceof StoppedWhileBuilding)) throw error;
    log.info({ signal: error.signal }, error.message);
    process.exit(0);
  }
  const advice = await fetchGatewayBot(token, config.DISCORD_API_URL);
  log.info({ shards: advice.shards, maxConcurrency: advice.maxConcurrency }, 'starting shard processes');
  const manager = createShardManager({ token, totalShards: advice.shards });
  manager.on('shardCreate', (shard) => log.info({ shard: shard.id, of: advice.shards }, 'shard process started'));
  const stopWatching = await watchBotCorpus(config);
  stopOnSignals(async () => {
    stopWatching?.();
    await stopShards(manager);
  }, log);
  try {
    await manager.spawn({ amount: advice.shards, delay: spawnDelayMs(advice.maxConcurrency), timeout: SHARD_READY_TIMEOUT_MS });
  } catch (err) {
    await stopShards(manager);
    throw err;
  }
  log.info({ shards: advice.shards }, 'all shards ready');
}

main().catch(exitOnStartFailure(log, 'the sharded Discord bot could not start'));
