import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBot, type Bot } from '../../src/discord/createBot.ts';
import type { BotConfig } from '../../src/discord/types.ts';
import type { Archive } from '../../src/qa/types.ts';
import { startDiscordStandIn, type DiscordStandIn, type RecordedRequest, type StandInOptions } from './discordStandIn.ts';

export interface Harness {
  standIn: DiscordStandIn;
  bot: Bot;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The stand-in's shape (recommended shards). */
  standIn?: StandInOptions;
  /** `'auto'`: every recommended shard in this process, as `npm start` runs. */
  shards?: 'auto';
  /** The rate limiter's clock. */
  now?: () => number;
}

/** The real bot (createBot) logged in to a fresh stand-in. */
export async function startBotHarness(archive: Archive, config: Partial<BotConfig> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await startDiscordStandIn(options.standIn);
  const bot = createBot({
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.now ? { now: options.now } : {}),
    archive,
    config: {
      ASK_CHANNEL_IDS: [],
      ANSWER_IN_THREAD: false,
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_BURST: 100,
      FEEDBACK_FILE: join(tmpdir(), `archivist-feedback-${process.pid}.jsonl`),
      ...config,
      DISCORD_API_URL: standIn.apiUrl,
    },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await bot.start('stand-in-token');
  return {
    standIn,
    bot,
    async close() {
      await bot.stop();
      await standIn.close();
    },
  };
}

/** Requests that create or edit a message (and so must carry allowed_mentions). */
export function isMessageWrite(r: RecordedRequest): boolean {
  if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route)) return true;
  if (r.method === 'PATCH' && /^\/webhooks\//.test(r.route)) return true;
  if (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.route)) return true;
  // Interaction callbacks that carry a message: 4 reply, 7 update (5/6 defer, 8 autocomplete do not).
  if (r.method === 'POST' && /\/callback$/.test(r.route)) return r.body?.type === 4 || r.body?.type === 7;
  return false;
}

/** The message content a write request carries (callbacks nest it under `data`). */
export function contentOf(r: RecordedRequest): string {
  return String((/\/callback$/.test(r.route) ? r.body?.data?.content : r.body?.content) ?? '');
}

export function allowedMentionsOf(r: RecordedRequest): unknown {
  return /\/callback$/.test(r.route) ? r.body?.data?.allowed_mentions : r.body?.allowed_mentions;
}

/** A reply to a given message id (the bot's answer to that message). */
export function isReplyTo(messageId: string) {
  return (r: RecordedRequest) =>
    r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route) && r.body?.message_reference?.message_id === messageId;
}
