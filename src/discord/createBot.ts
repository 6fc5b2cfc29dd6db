import { once } from 'node:events';
import { Client, Events, Options, Partials } from 'discord.js';
import type { Logger } from 'pino';
import type { Archive } from '../qa/types.ts';
import { AnswerMemory } from './answerMemory.ts';
import { chooseIntents } from './chooseIntents.ts';
import { events } from './events/index.ts';
import { Lru } from './lru.ts';
import { NO_MENTIONS } from './noMentions.ts';
import { RateLimiter } from './rateLimiter.ts';
import { ReplyQueue } from './replyQueue.ts';
import type { BotConfig, BotContext } from './types.ts';

/** What `createBot` needs: everything is injected, so tests pass a real archive and a stand-in URL. */
export interface CreateBotOptions {
  archive: Archive;
  config: BotConfig;
  log: Logger;
  /**
   * `'auto'`: every shard `GET /gateway/bot` recommends, in this process (`npm start`). Unset:
   * what a ShardingManager assigns through SHARDS/SHARD_COUNT, else the single shard [0, 1].
   */
  shards?: 'auto';
  /** Clock for the per-user rate limit, in milliseconds. @default Date.now */
  now?: () => number;
  /**
   * REST requests a second this process may make. Discord allows a bot 50 in all (interaction
   * replies aside), across every process it runs; a shard process gets its share. @default 50
   */
  restRequestsPerSecond?: number;
}

export interface Bot {
  client: Client;
  context: BotContext;
  /** Logs in and resolves once the guilds have arrived (`ClientReady`). */
  start(token: string): Promise<void>;
  /** Disconnects from the gateway. Safe to call twice. */
  stop(): Promise<void>;
}

/** Answers remembered for their buttons. */
const REMEMBERED_ANSWERS = 1000;
/** Threads remembered as "answered in". */
const REMEMBERED_THREADS = 1000;

/**
 * Builds the Discord face of an archive: a discord.js client with the least intents the config
 * needs, no mentions allowed by default, and every event wired to its handler.
 */
export function createBot({ archive, config, log, shards, now, restRequestsPerSecond }: CreateBotOptions): Bot {
  const client = new Client({
    ...(shards ? { shards } : {}),
    intents: chooseIntents(config.ASK_CHANNEL_IDS),
    // DM channels are not cached before their first message.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // The bot never reads history: keep few messages, and bound users and members (unbounded by
    // default) so memory stays flat however many people ask. Its own member is always kept.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      UserManager: { maxSize: 1000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    sweepers: { ...Options.DefaultSweeperSettings, messages: { interval: 600, lifetime: 1800 } },
    rest: {
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      ...(restRequestsPerSecond ? { globalRequestsPerSecond: restRequestsPerSecond } : {}),
    },
  });
  // Spawned by a ShardingManager: say which shard every log line comes from.
  const ids = client.shard?.ids;
  const context: BotContext = {
    client,
    archive,
    config,
    log: ids ? log.child({ shard: ids.length === 1 ? ids[0] : ids }) : log,
    limiter: new RateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST, ...(now ? { now } : {}) }),
    replies: new ReplyQueue(),
    answers: new AnswerMemory(REMEMBERED_ANSWERS),
    threads: new Lru(REMEMBERED_THREADS),
  };

  for (const event of events) {
    // Handlers catch their own errors; this is the last guard so a listener never rejects unseen.
    const listener = (...args: unknown[]): void => {
      Promise.resolve()
        .then(() => (event.execute as (ctx: BotContext, ...a: unknown[]) => unknown)(context, ...args))
        .catch((err: unknown) => log.error({ err, event: event.name }, 'event handler failed'));
    };
    if (event.once) client.once(event.name, listener);
    else client.on(event.name, listener);
  }

  let stopped = false;
  return {
    client,
    context,
    async start(token) {
      const ready = once(client, Events.ClientReady);
      await client.login(token);
      await ready;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
