import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startGateway, type Identified } from './standInGateway.ts';
import { ALL_PERMISSIONS, BOT_USER, guildOfChannel, MAIN_GUILD, SECOND_GUILD } from './standInGuilds.ts';
import { ChannelRateLimits, type ForcedRateLimit } from './standInRateLimits.ts';

/**
 * A local Discord stand-in: enough of the REST API and the gateway for the real discord.js
 * client to log in (one shard or several, from one process or several), receive messages and
 * interactions, and answer them. Binds 127.0.0.1 on a random port; never talks to anything
 * else. Every REST call is recorded so tests can assert what the bot sent (see
 * /work/shared/discord-stand-in.md for the protocol facts).
 */

/** One REST call the bot made. `route` is the path after `/api/v10`, still URL-encoded. */
export interface RecordedRequest {
  method: string;
  route: string;
  query: string;
  /** Parsed JSON body (multipart: the `payload_json` part), or undefined. */
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
  /** What the stand-in answered (undefined for 204). */
  response?: any;
}

export interface StandInUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface SendMessageOptions {
  content: string;
  author?: StandInUser;
  /** Defaults to the main guild's general channel (the DM channel for `channelType: 1`). */
  channelId?: string;
  /** 0 guild text (default), 1 DM, 11 public thread. */
  channelType?: 0 | 1 | 11;
  /** The guild of a guild message; defaults to the channel's guild, else the main guild. */
  guildId?: string;
  /** Users mentioned (the bot is added automatically when `content` holds `<@BOT_ID>`). */
  mentions?: StandInUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
}

export interface SentEvent {
  id: string;
  /** performance.now() when the dispatch was written to the socket. */
  at: number;
  /** The shard whose connection carried it (undefined: no connection for that shard). */
  shard: number | undefined;
}

export interface SentInteraction extends SentEvent {
  token: string;
}

export type InteractionOption = { name: string; type: number; value: string | number | boolean; focused?: boolean };

/** The message a message command (right-click → Apps) targets. */
export interface TargetMessage {
  id?: string;
  content: string;
  author?: StandInUser;
  attachments?: { id: string; filename: string; size: number; url: string }[];
}

interface InteractionPlace {
  user?: StandInUser;
  channelId?: string;
  dm?: boolean;
  guildId?: string;
}

export type SendInteractionOptions =
  | ({ type: 2 | 4; name: string; options?: InteractionOption[] } & InteractionPlace)
  | ({ type: 2; commandType: 3; name: string; target: TargetMessage } & InteractionPlace)
  | ({ type: 3; customId: string; message: any } & InteractionPlace);

export interface StandInOptions {
  /** Shards `GET /gateway/bot` recommends. @default 1 */
  shards?: number;
  /** `session_start_limit.max_concurrency`. @default the shard count, so tests skip the 5-s identify spacing */
  maxConcurrency?: number;
}

export interface DiscordStandIn {
  /** REST base URL for discord.js `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly bot: Required<StandInUser>;
  readonly applicationId: string;
  /** The main guild (shard 1 of 2). */
  readonly guildId: string;
  readonly channels: { general: string; askChannel: string; other: string; dm: string };
  /** A second guild with one channel (shard 0 of 2). */
  readonly secondGuild: { id: string; general: string };
  /** Every REST call so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Every IDENTIFY payload received. */
  readonly identifies: any[];
  /** Every IDENTIFY with the shard it claimed. */
  readonly identified: Identified[];
  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  waitForIdentify(timeoutMs?: number): Promise<any>;
  /** Resolves once `count` distinct shards have identified. */
  waitForShards(count: number, timeoutMs?: number): Promise<Identified[]>;
  sendMessage(options: SendMessageOptions): SentEvent;
  sendInteraction(options: SendInteractionOptions): SentInteraction;
  /** The next `times` sends to `channelId` answer 429 (see {@link ForcedRateLimit}). */
  rateLimitChannel(channelId: string, limit: ForcedRateLimit): void;
  /** The first recorded request (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Messages created through REST (channel messages and webhook messages), by id. */
  readonly messages: Map<string, any>;
  /** Drops recorded requests and messages (long benchmarks keep memory flat with it). */
  clearRecords(): void;
  close(): Promise<void>;
}

const SNOWFLAKE_BASE = 1_200_000_000_000_000_000n;

/** Starts a stand-in on 127.0.0.1 with a random port. */
export async function startDiscordStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const shardCount = options.shards ?? 1;
  const maxConcurrency = options.maxConcurrency ?? shardCount;
  let counter = 0n;
  const nextId = (): string => String(SNOWFLAKE_BASE + ++counter);

  const bot = { ...BOT_USER };
  const applicationId = bot.id;
  const guildId = MAIN_GUILD.id;
  const [general, askChannel, other] = MAIN_GUILD.channels.map((c) => c.id) as [string, string, string];
  const channels = { general, askChannel, other, dm: '1100000000000000301' };
  const secondGuild = { id: SECOND_GUILD.id, general: SECOND_GUILD.channels[0]!.id };

  const requests: RecordedRequest[] = [];
  const messages = new Map<string, any>();
  const waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const rateLimits = new ChannelRateLimits();

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res);
  });
  const gateway = startGateway(server, applicationId, () => `ws://127.0.0.1:${port}`);

  function record(entry: RecordedRequest): void {
    requests.push(entry);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(entry)) {
        waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  function makeMessage(channelId: string, body: any): any {
    const id = nextId();
    const message = {
      id,
      channel_id: channelId,
      type: body?.message_reference ? 19 : 0,
      author: { id: bot.id, username: bot.username, discriminator: '0', bot: true, avatar: null, global_name: null },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      flags: body?.flags ?? 0,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
    };
    messages.set(id, message);
    return message;
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    const method = req.method ?? 'GET';

    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      record({ method, route, query: url.search, body, at, status, response: payload });
      if (payload === undefined) {
        // A 204 must have no body and no JSON content type, or @discordjs/rest tries to parse it.
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const text = JSON.stringify(payload);
      res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };

    let m: RegExpMatchArray | null;
    if (method === 'GET' && (route === '/gateway/bot' || route === '/gateway')) {
      return reply(200, {
        url: `ws://127.0.0.1:${port}`,
        shards: shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: maxConcurrency },
      });
    }
    if (method === 'GET' && /^\/(oauth2\/)?applications\/(@|%40)me$/.test(route)) {
      return reply(200, { id: applicationId, name: 'Archivist', description: '', bot_public: true, flags: 0, bot });
    }
    if (method === 'POST' && (m = route.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      const id = nextId();
      return reply(201, {
        id,
        type: 11,
        guild_id: guildOfChannel(m[1]!)?.id ?? guildId,
        parent_id: m[1],
        name: body?.name ?? 'thread',
        owner_id: bot.id,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      });
    }
    if (method === 'POST' && (m = route.match(/^\/channels\/(\d+)\/messages$/))) {
      const verdict = rateLimits.verdict(m[1]!);
      if (verdict.status === 429) return reply(429, verdict.body, verdict.headers);
      return reply(200, makeMessage(m[1]!, body), verdict.headers);
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(route)) return reply(204);
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(route)) return reply(204);
    if ((method === 'PATCH' || method === 'GET') && (m = route.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/))) {
      const key = `${m[1]}/${decodeURIComponent(m[2]!)}`;
      const existing = messages.get(key) ?? makeMessage(channels.general, {});
      const updated = method === 'PATCH' ? { ...existing, ...pickMessageFields(body), edited_timestamp: new Date().toISOString() } : existing;
      messages.set(key, updated);
      messages.set(updated.id, updated);
      return reply(200, updated);
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(route)) {
      return reply(200, makeMessage(channels.general, body));
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const list = Array.isArray(body) ? body : [];
      return reply(200, list.map((c: any) => ({ ...c, id: nextId(), application_id: applicationId, version: nextId() })));
    }
    return reply(404, { message: '404: Not Found', code: 0 });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const userPayload = (user: StandInUser) => ({
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: user.bot ?? false,
  });
  const memberPayload = () => ({ roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 });
  const defaultUser: StandInUser = { id: '1100000000000001001', username: 'asker' };

  function targetPayload(target: TargetMessage, channelId: string): any {
    return {
      id: target.id ?? nextId(),
      channel_id: channelId,
      type: 0,
      author: userPayload(target.author ?? { id: '1100000000000001002', username: 'claimant' }),
      content: target.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: target.attachments ?? [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    };
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    port,
    bot,
    applicationId,
    guildId,
    channels,
    secondGuild,
    requests,
    get identifies() {
      return gateway.identifies.map((i) => i.payload);
    },
    identified: gateway.identifies,
    messages,

    waitForIdentify(timeoutMs = 10_000) {
      return gateway.waitForShards(1, timeoutMs).then((all) => all.at(-1)!.payload);
    },

    waitForShards(count, timeoutMs = 30_000) {
      return gateway.waitForShards(count, timeoutMs);
    },

    sendMessage(options) {
      const id = nextId();
      const author = options.author ?? defaultUser;
      const channelType = options.channelType ?? 0;
      const channelId = options.channelId ?? (channelType === 1 ? channels.dm : channels.general);
      const mentions = [...(options.mentions ?? [])];
      if (options.content.includes(`<@${bot.id}>`) && !mentions.some((u) => u.id === bot.id)) mentions.push(bot);
      const inGuild = channelType !== 1;
      const messageGuild = inGuild ? (options.guildId ?? guildOfChannel(channelId)?.id ?? guildId) : undefined;
      const sent = gateway.dispatch(
        'MESSAGE_CREATE',
        {
          id,
          channel_id: channelId,
          channel_type: channelType,
          ...(messageGuild ? { guild_id: messageGuild, member: memberPayload() } : {}),
          author: userPayload(author),
          content: options.content,
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: options.mentionEveryone ?? false,
          mentions: mentions.map(userPayload),
          mention_roles: options.mentionRoles ?? [],
          attachments: [],
          embeds: [],
          components: [],
          pinned: false,
          type: 0,
          flags: 0,
        },
        messageGuild,
      );
      return { id, ...sent };
    },

    sendInteraction(options) {
      const id = nextId();
      const token = `token-${id}`;
      const user = userPayload(options.user ?? defaultUser);
      const dm = options.dm ?? false;
      const channelId = options.channelId ?? (dm ? channels.dm : channels.general);
      const interactionGuild = dm ? undefined : (options.guildId ?? guildOfChannel(channelId)?.id ?? guildId);
      let data: any;
      if (options.type === 3) {
        data = { custom_id: options.customId, component_type: 2 };
      } else if ('commandType' in options) {
        const target = targetPayload(options.target, channelId);
        data = { id: nextId(), name: options.name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } };
      } else {
        data = { id: nextId(), name: options.name, type: 1, options: options.options ?? [] };
      }
      const sent = gateway.dispatch(
        'INTERACTION_CREATE',
        {
          id,
          application_id: applicationId,
          type: options.type,
          data,
          token,
          version: 1,
          channel_id: channelId,
          channel: dm ? { id: channelId, type: 1 } : { id: channelId, type: 0, guild_id: interactionGuild, name: 'general' },
          ...(dm
            ? { user, context: 1 }
            : { guild_id: interactionGuild, member: { user, permissions: ALL_PERMISSIONS, ...memberPayload() }, context: 0 }),
          ...(options.type === 3 ? { message: options.message } : {}),
          app_permissions: ALL_PERMISSIONS,
          locale: 'en-US',
          guild_locale: 'en-US',
          entitlements: [],
          authorizing_integration_owners: { '0': interactionGuild ?? guildId },
        },
        interactionGuild,
      );
      return { id, token, ...sent };
    },

    rateLimitChannel(channelId, limit) {
      rateLimits.force(channelId, limit);
    },

    waitFor(predicate, timeoutMs = 10_000) {
      const found = requests.find(predicate);
      if (found) return Promise.resolve(found);
      let waiter!: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void };
      const promise = new Promise<RecordedRequest>((resolve) => {
        waiter = { predicate, resolve };
        waiters.add(waiter);
      });
      return withTimeout(promise, timeoutMs, 'no matching request arrived', () => waiters.delete(waiter));
    },

    clearRecords() {
      requests.length = 0;
      messages.clear();
    },

    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pickMessageFields(body: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['content', 'embeds', 'components', 'flags']) if (body && key in body) out[key] = body[key];
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): any {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType.startsWith('multipart/form-data')) {
    const match = text.match(/name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/);
    return match ? JSON.parse(match[1]!) : undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`stand-in: ${what} within ${ms} ms`));
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
