/** What `npm start` and `npm run start:sharded` say without a token. */
export const MISSING_TOKEN =
  'DISCORD_TOKEN is not set. Copy .env.example to .env and put your bot token in DISCORD_TOKEN ' +
  '(docs/discord.md explains how to get one), or try the archive in the terminal with `npm run chat`.';
