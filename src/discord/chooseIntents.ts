import { GatewayIntentBits } from 'discord.js';

/**
 * The fewest gateway intents that serve the configuration. Mentions and DMs carry their
 * content without the privileged Message Content intent; only listening to whole channels
 * (`ASK_CHANNEL_IDS`) needs it. Pure.
 */
export function chooseIntents(askChannelIds: readonly string[]): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (askChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}
