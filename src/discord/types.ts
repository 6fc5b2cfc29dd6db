import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ClientEvents,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Archive } from '../qa/types.ts';
import type { AnswerMemory } from './answerMemory.ts';
import type { Lru } from './lru.ts';
import type { RateLimiter } from './rateLimiter.ts';
import type { ReplyQueue } from './replyQueue.ts';

/** The bot's settings: the Discord part of `Config`. */
export type BotConfig = Pick<
  Config,
  'ASK_CHANNEL_IDS' | 'ANSWER_IN_THREAD' | 'DISCORD_API_URL' | 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST' | 'FEEDBACK_FILE'
>;

/** What every handler gets besides its interaction or message. Built once by `createBot`. */
export interface BotContext {
  client: Client;
  archive: Archive;
  config: BotConfig;
  log: Logger;
  /** One bucket per user for every way of asking: mentions, DMs, channels, threads, commands. */
  limiter: RateLimiter;
  /** Replies to messages, in order per channel. */
  replies: ReplyQueue;
  answers: AnswerMemory;
  /** Threads the bot created or answered in: follow-ups there need no mention. */
  threads: Lru<string, true>;
}

/** A slash command: its definition (as registered) and its handler. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** A message command (right-click a message → Apps): its definition and its handler. */
export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

/** A button family, chosen by the first segment of the custom id; `args` are the rest. */
export interface Button {
  name: string;
  execute(interaction: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void>;
}

/** A client event handler. Each one catches its own errors (one try/catch per event). */
export interface Event<K extends keyof ClientEvents = keyof ClientEvents> {
  name: K;
  once?: boolean;
  execute(ctx: BotContext, ...args: ClientEvents[K]): Promise<void> | void;
}
