import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local Discord stand-in: enough of the REST API and the gateway for the real discord.js
 * client to log in, receive messages and interactions, and answer them. Binds 127.0.0.1 on a
 * random port; never talks to anything else. Every REST call is recorded so tests can assert
 * what the bot sent (see /work/shared/discord-stand-in.md for the protocol facts).
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
  /** Defaults to the main text channel. */
  channelId?: string;
  /** 0 guild text (default), 1 DM, 11 public thread. */
  channelType?: 0 | 1 | 11;
  /** Users mentioned (the bot is added automatically when `content` holds `<@BOT_ID>`). */
  mentions?: StandInUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
}

export interface SentEvent {
  id: string;
  /** performance.now() when the dispatch was written to the socket. */
  at: number;
}

export interface SentInteraction extends SentEvent {
  token: string;
}

export type InteractionOption = { name: string; type: number; value: string | number | boolean; focused?: boolean };

export type SendInteractionOptions =
  | { type: 2 | 4; name: string; options?: InteractionOption[]; user?: StandInUser; channelId?: string; dm?: boolean }
  | { type: 3; customId: string; message: any; user?: StandInUser; channelId?: string; dm?: boolean };

export interface DiscordStandIn {
  /** REST base URL for discord.js `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly bot: Required<StandInUser>;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channels: { general: string; askChannel: string; other: string; dm: string };
  /** Every REST call so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Every IDENTIFY payload received. */
  readonly identifies: any[];
  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  waitForIdentify(timeoutMs?: number): Promise<any>;
  sendMessage(options: SendMessageOptions): SentEvent;
  sendInteraction(options: SendInteractionOptions): SentInteraction;
  /** The first recorded request (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Messages created through REST (channel messages and webhook messages), by id. */
  readonly messages: Map<string, any>;
  /** Drops recorded requests and messages (long benchmarks keep memory flat with it). */
  clearRecords(): void;
  close(): Promise<void>;
}

const SNOWFLAKE_BASE = 1_200_000_000_000_000_000n;
const ALL_PERMISSIONS = '2251799813685247';

/** Starts a stand-in on 127.0.0.1 with a random port. */
export async function startDiscordStandIn(): Promise<DiscordStandIn> {
  let counter = 0n;
  const nextId = (): string => String(SNOWFLAKE_BASE + ++counter);

  const bot = { id: '1100000000000000001', username: 'Archivist', bot: true };
  const applicationId = bot.id;
  const guildId = '1100000000000000100';
  const channels = {
    general: '1100000000000000201',
    askChannel: '1100000000000000202',
    other: '1100000000000000203',
    dm: '1100000000000000301',
  };

  const requests: RecordedRequest[] = [];
  const identifies: any[] = [];
  const messages = new Map<string, any>();
  const waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const identifyWaiters = new Set<(payload: any) => void>();
  const sockets = new Set<WebSocket>();
  const identified = new Set<WebSocket>();
  let sequence = 0;

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res);
  });
  const wss = new WebSocketServer({ server });

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

    const reply = (status: number, payload?: unknown): void => {
      record({ method, route, query: url.search, body, at, status, response: payload });
      if (payload === undefined) {
        // A 204 must have no body and no JSON content type, or @discordjs/rest tries to parse it.
        res.writeHead(status);
        res.end();
        return;
      }
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };

    let m: RegExpMatchArray | null;
    if (method === 'GET' && (route === '/gateway/bot' || route === '/gateway')) {
      return reply(200, {
        url: `ws://127.0.0.1:${port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
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
        guild_id: guildId,
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
      return reply(200, makeMessage(m[1]!, body));
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

  function dispatch(t: string, d: unknown, only?: WebSocket): number {
    const payload = JSON.stringify({ op: 0, t, s: ++sequence, d });
    const targets = only ? [only] : [...identified];
    for (const socket of targets) socket.send(payload);
    return performance.now();
  }

  function guildPayload(): any {
    const channel = (id: string, name: string, position: number) => ({
      id,
      type: 0,
      guild_id: guildId,
      name,
      position,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
    });
    return {
      id: guildId,
      name: 'Stand-in Guild',
      icon: null,
      owner_id: '1100000000000000999',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      system_channel_flags: 0,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guildId,
          name: '@everyone',
          permissions: ALL_PERMISSIONS,
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        channel(channels.general, 'general', 0),
        channel(channels.askChannel, 'ask-the-archive', 1),
        channel(channels.other, 'off-topic', 2),
      ],
      threads: [],
      members: [
        {
          user: { id: bot.id, username: bot.username, discriminator: '0', bot: true, avatar: null, global_name: null },
          roles: [],
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      member_count: 2,
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      large: false,
      unavailable: false,
      joined_at: new Date(0).toISOString(),
    };
  }

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      identified.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      let packet: any;
      try {
        packet = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (packet.op === 1) {
        socket.send(JSON.stringify({ op: 11 }));
      } else if (packet.op === 2) {
        identifies.push(packet.d);
        identified.add(socket);
        dispatch(
          'READY',
          {
            v: 10,
            user: { id: bot.id, username: bot.username, discriminator: '0', bot: true, avatar: null, global_name: null, flags: 0 },
            guilds: [{ id: guildId, unavailable: true }],
            session_id: `session-${identifies.length}`,
            resume_gateway_url: `ws://127.0.0.1:${port}`,
            application: { id: applicationId, flags: 0 },
            private_channels: [],
            shard: [0, 1],
          },
          socket,
        );
        dispatch('GUILD_CREATE', guildPayload(), socket);
        for (const resolve of identifyWaiters) resolve(packet.d);
        identifyWaiters.clear();
      }
    });
  });

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
  const defaultUser: StandInUser = { id: '1100000000000001001', username: 'asker' };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    port,
    bot,
    applicationId,
    guildId,
    channels,
    requests,
    identifies,
    messages,

    waitForIdentify(timeoutMs = 10_000) {
      if (identifies.length > 0) return Promise.resolve(identifies.at(-1));
      return withTimeout(new Promise((resolve) => identifyWaiters.add(resolve)), timeoutMs, 'no IDENTIFY arrived');
    },

    sendMessage(options) {
      const id = nextId();
      const author = options.author ?? defaultUser;
      const channelType = options.channelType ?? 0;
      const channelId = options.channelId ?? (channelType === 1 ? channels.dm : channels.general);
      const mentions = [...(options.mentions ?? [])];
      if (options.content.includes(`<@${bot.id}>`) && !mentions.some((u) => u.id === bot.id)) mentions.push(bot);
      const inGuild = channelType !== 1;
      const at = dispatch('MESSAGE_CREATE', {
        id,
        channel_id: channelId,
        channel_type: channelType,
        ...(inGuild ? { guild_id: guildId, member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 } } : {}),
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
      });
      return { id, at };
    },

    sendInteraction(options) {
      const id = nextId();
      const token = `token-${id}`;
      const user = userPayload(options.user ?? defaultUser);
      const dm = options.dm ?? false;
      const channelId = options.channelId ?? (dm ? channels.dm : channels.general);
      const data =
        options.type === 3
          ? { custom_id: options.customId, component_type: 2 }
          : { id: nextId(), name: options.name, type: 1, options: options.options ?? [] };
      const at = dispatch('INTERACTION_CREATE', {
        id,
        application_id: applicationId,
        type: options.type,
        data,
        token,
        version: 1,
        channel_id: channelId,
        channel: dm ? { id: channelId, type: 1 } : { id: channelId, type: 0, guild_id: guildId, name: 'general' },
        ...(dm
          ? { user, context: 1 }
          : {
              guild_id: guildId,
              member: { user, roles: [], permissions: ALL_PERMISSIONS, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
              context: 0,
            }),
        ...(options.type === 3 ? { message: options.message } : {}),
        app_permissions: ALL_PERMISSIONS,
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guildId },
      });
      return { id, token, at };
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
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
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
