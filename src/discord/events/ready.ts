import { Events } from 'discord.js';
import type { Event } from '../types.ts';

/** Logs who the bot is and where it listens. */
export default {
  name: Events.ClientReady,
  once: true,
  execute(ctx, client) {
    ctx.log.info(
      { user: client.user.tag, guilds: client.guilds.cache.size, askChannels: ctx.config.ASK_CHANNEL_IDS.length, inThreads: ctx.config.ANSWER_IN_THREAD },
      'discord bot ready',
    );
  },
} satisfies Event<Events.ClientReady>;
