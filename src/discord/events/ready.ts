import { Events } from 'discord.js';
import type { Event } from '../types.ts';

/** Logs who the bot is, which shards this process runs and where it listens. */
export default {
  name: Events.ClientReady,
  once: true,
  execute(ctx, client) {
    ctx.log.info(
      {
        user: client.user.tag,
        guilds: client.guilds.cache.size,
        shards: client.ws.shards.map((s) => s.id),
        shardCount: client.options.shardCount,
        restRequestsPerSecond: client.rest.options.globalRequestsPerSecond,
        askChannels: ctx.config.ASK_CHANNEL_IDS.length,
        inThreads: ctx.config.ANSWER_IN_THREAD,
      },
      'discord bot ready',
    );
  },
} satisfies Event<Events.ClientReady>;
