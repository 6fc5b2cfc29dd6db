import { log } from '../log.ts';
import { createBot } from './createBot.ts';
import { loadBotConfigOrExit } from './loadBotConfig.ts';
import { openBotArchive, watchBotCorpus } from './openBotArchive.ts';
import { exitOnStartFailure, stopOnSignals } from './stopOnSignals.ts';

/**
 * `npm start`: load the config, open (or build) the archive, log in with every shard the
 * gateway recommends (`GET /gateway/bot` through the configured REST base) in this one process,
 * over one archive in memory, and answer until SIGINT or SIGTERM. The token is only handed to
 * discord.js, never logged. `npm run start:sharded` runs the shards as separate processes.
 */
async function main(): Promise<void> {
  const config = loadBotConfigOrExit();
  const token = config.DISCORD_TOKEN;

  const archive = await openBotArchive(config, { build: true });
  const stopWatching = await watchBotCorpus(config, () => void archive.reload());
  const bot = createBot({ archive, config, log, shards: 'auto' });
  stopOnSignals(async () => {
    stopWatching?.();
    await bot.stop();
    archive.close();
  }, log);
  await bot.start(token);
}

main().catch(exitOnStartFailure(log, 'the Discord bot could not start'));
