import { ApplicationCommandType, REST, Routes, type RESTGetAPIOAuth2CurrentApplicationResult } from 'discord.js';
import { loadConfigOrExit } from '../src/config.ts';
import { commands } from '../src/discord/commands/index.ts';
import { messageCommands } from '../src/discord/contextMenus/index.ts';

/**
 * `npm run register`: PUT the slash and message command definitions to Discord — to `DISCORD_GUILD_ID` when
 * set (instant), else globally (may take up to an hour to appear). The application id comes
 * from the token (`GET /oauth2/applications/@me`), so nothing else needs configuring.
 * Honours `DISCORD_API_URL` for local testing.
 */
async function register(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.DISCORD_TOKEN) {
    process.stderr.write('DISCORD_TOKEN is not set. Copy .env.example to .env and put your bot token in it (see docs/discord.md).\n');
    process.exit(1);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const app = (await rest.get(Routes.oauth2CurrentApplication())) as RESTGetAPIOAuth2CurrentApplicationResult;
  const body = [...[...commands.values()].map((c) => c.data), ...[...messageCommands.values()].map((c) => c.data)];
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(app.id, guildId) : Routes.applicationCommands(app.id);
  const saved = (await rest.put(route, { body })) as unknown[];
  const where = guildId ? `guild ${guildId} (available now)` : 'all guilds (global commands can take up to an hour to appear)';
  const names = body.map((c) => (c.type === ApplicationCommandType.Message ? `${c.name} (message menu)` : `/${c.name}`));
  process.stdout.write(`Registered ${saved.length} commands (${names.join(', ')}) for application ${app.id} in ${where}.\n`);
}

register().catch((err: unknown) => {
  process.stderr.write(`Could not register commands: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
