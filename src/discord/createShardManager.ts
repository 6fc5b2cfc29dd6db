import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';

/** Discord lets shards in the same identify bucket (`id % max_concurrency`) start once per 5 s. */
const IDENTIFY_INTERVAL_MS = 5_500;
/** How long a shard process may take to open the archive and become ready. */
export const SHARD_READY_TIMEOUT_MS = 120_000;
/** How long a shard process may take to leave after SIGTERM before it is killed. */
const SHARD_STOP_TIMEOUT_MS = 10_000;
/** REST requests a second Discord allows a bot across all its processes (interaction replies aside). */
const DISCORD_REQUESTS_PER_SECOND = 50;
/** The shard process's flag for its share of them. */
export const REST_SHARE_FLAG = 'rest-requests-per-second';

/** Node flags for the TypeScript child processes: tsx's loader, as `npm start` runs under tsx. */
export const TSX_EXEC_ARGV: readonly string[] = Object.freeze(['--import', import.meta.resolve('tsx')]);

/**
 * Each shard process's share of Discord's global REST limit, which holds for the bot as a whole:
 * discord.js enforces it per process, so N processes each left at 50 would together send up to
 * 50·N a second and meet global 429s. Pure.
 */
export function restShare(totalShards: number): number {
  return Math.max(1, Math.floor(DISCORD_REQUESTS_PER_SECOND / Math.max(1, totalShards)));
}

/**
 * Wait between spawning shards. The manager spawns them one after another, each once the one
 * before is ready, so with `max_concurrency` k a shard and the next in its bucket (k later) are
 * at least k waits apart. Pure.
 */
export function spawnDelayMs(maxConcurrency: number): number {
  return Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, maxConcurrency));
}

export interface ShardManagerOptions {
  token: string;
  totalShards: number;
  /** The shard process entry. @default src/discord/shardProcess.ts */
  file?: string;
}

/**
 * A discord.js ShardingManager over `shardProcess.ts`: one child process per shard, each told its
 * shard through SHARDS/SHARD_COUNT (discord.js reads them) and its REST share through
 * `--rest-requests-per-second`, respawned if it dies. The children are TypeScript, run through
 * tsx's loader as `npm start` is.
 */
export function createShardManager({ token, totalShards, file }: ShardManagerOptions): ShardingManager {
  return new ShardingManager(file ?? fileURLToPath(new URL('./shardProcess.ts', import.meta.url)), {
    token,
    totalShards,
    mode: 'process',
    respawn: true,
    shardArgs: [`--${REST_SHARE_FLAG}`, String(restShare(totalShards))],
    execArgv: [...TSX_EXEC_ARGV],
  });
}

/** Sends every shard process SIGTERM and waits for it to leave (killing it past a timeout). */
export async function stopShards(manager: ShardingManager): Promise<void> {
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_TIMEOUT_MS);
      shard.kill();
      await exited;
      clearTimeout(timer);
    }),
  );
}
