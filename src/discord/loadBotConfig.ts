import { loadConfigOrExit, type Config } from '../config.ts';
import { log } from '../log.ts';

/** What `npm start` and `npm run start:sharded` say without a token. */
export const MISSING_TOKEN =
  'DISCORD_TOKEN is not set. Copy .env.example to .env and put your bot token in DISCORD_TOKEN ' +
  '(docs/discord.md explains how to get one), or try the archive in the terminal with `npm run chat`.';

/**
 * The start of both bot entry points: the config, or exit 1 saying how to get a token; and a
 * rejected promise anywhere is logged, never fatal (one bad event must not stop the bot).
 */
export function loadBotConfigOrExit(): Config & { DISCORD_TOKEN: string } {
  const config = loadConfigOrExit();
  const token = config.DISCORD_TOKEN;
  if (!token) {
    process.stderr.write(`${MISSING_TOKEN}\n`);
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  return { ...config, DISCORD_TOKEN: token };
}
