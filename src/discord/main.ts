import { loadConfigOrExit } from '../config.ts';
import { log } from '../log.ts';
import { createBot } from './createBot.ts';

/**
 * `npm start`: load the config, open (or build) the archive, log in, answer until SIGINT or
 * SIGTERM. The token is only handed to discord.js, never logged.
 */
const MISSING_TOKEN =
  'DISCORD_TOKEN is not set. Copy .env.example to .env and put your bot token in DISCORD_TOKEN ' +
  '(docs/discord.md explains how to get one), or try the archive in the terminal with `npm run chat`.';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const token = config.DISCORD_TOKEN;
  if (!token) {
    process.stderr.write(`${MISSING_TOKEN}\n`);
    process.exit(1);
  }

  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  // Imported here so a missing token fails fast, before the index and model code load.
  const { openArchive } = await import('../qa/openArchive.ts');
  const { loadersWithCache } = await import('../embed/chooseEmbedder.ts');
  const archive = await openArchive({
    indexDir: config.INDEX_DIR,
    corpusDir: config.CORPUS_DIR,
    embedder: config.EMBEDDER,
    loaders: loadersWithCache(config.MODEL_CACHE_DIR),
    log: (line) => log.info(line),
    settings: { abstainBelow: config.ABSTAIN_BELOW },
  });
  const bot = createBot({ archive, config, log });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await bot.start(token);
}

main().catch((err: unknown) => {
  log.fatal({ err }, 'the Discord bot could not start');
  process.exitCode = 1;
  // Give pino a moment to flush, then leave even if discord.js holds the event loop open.
  setTimeout(() => process.exit(1), 100).unref();
});
