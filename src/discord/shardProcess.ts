import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.ts';
import { log } from '../log.ts';
import { createBot } from './createBot.ts';
import { REST_SHARE_FLAG } from './createShardManager.ts';
import { openBotArchive } from './openBotArchive.ts';
import { exitOnStartFailure, stopOnSignals } from './stopOnSignals.ts';

/**
 * One shard process of `npm run start:sharded`, started by the manager, which passes SHARDS,
 * SHARD_COUNT and DISCORD_TOKEN in the environment (discord.js reads the shard from there,
 * because `createBot` leaves `shards` unset) and this process's share of Discord's REST limit as
 * `--rest-requests-per-second`. It opens `INDEX_DIR` read-only and never ingests: the manager
 * built it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { [REST_SHARE_FLAG]: { type: 'string' } }, strict: false });
  const share = Number(values[REST_SHARE_FLAG]);
  const config = loadConfigOrExit();
  const token = config.DISCORD_TOKEN;
  if (!token || !(share >= 1)) {
    process.stderr.write('shardProcess.ts is started by `npm run start:sharded`; run that (or `npm start` for one process).\n');
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  const archive = await openBotArchive(config, { build: false });
  const bot = createBot({ archive, config, log, restRequestsPerSecond: share });
  stopOnSignals(async () => {
    await bot.stop();
    archive.close();
  }, bot.context.log);
  await bot.start(token);
}

main().catch(exitOnStartFailure(log, 'a shard process could not start'));
