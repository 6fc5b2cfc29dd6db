import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOT_USER, GUILDS, guildCreatePayload, shardOf } from './standInGuilds.ts';

/**
 * The stand-in's gateway: HELLO, IDENTIFY → READY (only the guilds of the identified shard)
 * + one GUILD_CREATE per guild, heartbeats, and dispatches routed to the connection of the
 * shard that owns the guild (`(guild_id >> 22) % shard_count`; DMs on shard 0), as Discord
 * does. Any number of connections: one per shard, from one process or several.
 */

/** One IDENTIFY received: its payload, the shard it claimed (`[0, 1]` when it claimed none) and the guilds its READY listed. */
export interface Identified {
  payload: any;
  shard: [number, number];
  guilds: string[];
}

export interface Dispatched {
  /** performance.now() when the dispatch was written to the socket. */
  at: number;
  /** The shard that carried it, or undefined when no connection held that shard (event lost). */
  shard: number | undefined;
}

export interface StandInGateway {
  readonly identifies: Identified[];
  /** Sends an event to the shard that owns `guildId` (shard 0 without a guild). */
  dispatch(t: string, d: unknown, guildId: string | undefined): Dispatched;
  /** Resolves once `count` distinct shards have identified and received READY + GUILD_CREATE. */
  waitForShards(count: number, timeoutMs: number): Promise<Identified[]>;
  close(): Promise<void>;
}

interface Connection {
  socket: WebSocket;
  shard: [number, number];
  sequence: number;
}

/** Discord's close code for an invalid shard claim. */
const INVALID_SHARD = 4010;

export function startGateway(server: Server, applicationId: string, gatewayUrl: () => string): StandInGateway {
  const wss = new WebSocketServer({ server });
  const identifies: Identified[] = [];
  const connections = new Set<Connection>();
  const shardWaiters = new Set<() => void>();

  const send = (connection: Connection, t: string, d: unknown): number => {
    connection.socket.send(JSON.stringify({ op: 0, t, s: ++connection.sequence, d }));
    return performance.now();
  };

  wss.on('connection', (socket) => {
    let connection: Connection | undefined;
    socket.on('close', () => {
      if (connection) connections.delete(connection);
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
        return;
      }
      if (packet.op !== 2) return;
      const claimed = packet.d?.shard;
      const shard: [number, number] = Array.isArray(claimed) ? [Number(claimed[0]), Number(claimed[1])] : [0, 1];
      if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
        socket.close(INVALID_SHARD, 'Invalid shard');
        return;
      }
      const mine = GUILDS.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
      identifies.push({ payload: packet.d, shard, guilds: mine.map((g) => g.id) });
      connection = { socket, shard, sequence: 0 };
      connections.add(connection);
      send(connection, 'READY', {
        v: 10,
        user: { id: BOT_USER.id, username: BOT_USER.username, discriminator: '0', bot: true, avatar: null, global_name: null, flags: 0 },
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${identifies.length}`,
        resume_gateway_url: gatewayUrl(),
        application: { id: applicationId, flags: 0 },
        private_channels: [],
        shard,
      });
      for (const guild of mine) send(connection, 'GUILD_CREATE', guildCreatePayload(guild));
      for (const wake of [...shardWaiters]) wake();
    });
  });

  return {
    identifies,

    dispatch(t, d, guildId) {
      for (const connection of connections) {
        if (shardOf(guildId, connection.shard[1]) === connection.shard[0]) {
          return { at: send(connection, t, d), shard: connection.shard[0] };
        }
      }
      return { at: performance.now(), shard: undefined };
    },

    waitForShards(count, timeoutMs) {
      const distinct = () => new Set(identifies.map((i) => i.shard.join('/'))).size;
      if (distinct() >= count) return Promise.resolve([...identifies]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          shardWaiters.delete(wake);
          reject(new Error(`stand-in: ${distinct()} of ${count} shards identified within ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = () => {
          if (distinct() < count) return;
          clearTimeout(timer);
          shardWaiters.delete(wake);
          resolve([...identifies]);
        };
        shardWaiters.add(wake);
      });
    },

    async close() {
      for (const connection of connections) connection.socket.terminate();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
