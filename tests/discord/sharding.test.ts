import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restShare, spawnDelayMs } from '../../src/discord/createShardManager.ts';
import { isReplyTo, startBotHarness } from '../support/discordBotHarness.ts';
import { runTsx } from '../support/discordChildProcess.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../support/discordStandIn.ts';
import { openSeedArchive } from '../support/discordSeedArchive.ts';
import { shardOf } from '../support/standInGuilds.ts';

/**
 * Two shards against a stand-in that recommends two: two WebSocket connections, a READY per
 * shard with only its guilds (guild → shard by `(id >> 22) % 2`; DMs on shard 0), each shard
 * answering its own guild's messages. In one process (`npm start`, `shards: 'auto'`) and as
 * shard processes (`npm run start:sharded`).
 */
const VIENTIANE = "Laos' Vientiane on Friday. [1]";
const question = (standIn: DiscordStandIn) => `<@${standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?`;

/** Asks in each guild and in a DM; every reply must come, each event carried by its owner shard. */
async function askEveryShard(standIn: DiscordStandIn) {
  const inMain = standIn.sendMessage({ content: question(standIn) });
  const inSecond = standIn.sendMessage({ content: question(standIn), channelId: standIn.secondGuild.general });
  const inDm = standIn.sendMessage({ content: 'Where did Jaishankar and Lavrov meet in Vientiane?', channelType: 1 });
  expect([inMain.shard, inSecond.shard, inDm.shard]).toEqual([1, 0, 0]);
  for (const sent of [inMain, inSecond, inDm]) {
    expect(String((await standIn.waitFor(isReplyTo(sent.id), 30_000)).body.content)).toContain(VIENTIANE);
  }
}

/** Which guilds each shard's READY listed, by shard id. */
function readyGuilds(standIn: DiscordStandIn): Record<number, string[]> {
  return Object.fromEntries(standIn.identified.map((i) => [i.shard[0], i.guilds]));
}

describe('shard arithmetic', () => {
  it('puts the stand-in’s two guilds on different shards of two, and DMs on shard 0', () => {
    expect(shardOf('1100000000000000100', 2)).toBe(1);
    expect(shardOf('1100000001000000100', 2)).toBe(0);
    expect(shardOf(undefined, 2)).toBe(0);
  });

  it('gives each shard process an equal share of Discord’s 50 REST requests a second for the whole bot', () => {
    expect([restShare(1), restShare(2), restShare(3), restShare(64)]).toEqual([50, 25, 16, 1]);
  });

  it('spaces shard spawns so each identify bucket starts at most once per 5 s', () => {
    expect(spawnDelayMs(1)).toBe(5500);
    expect(spawnDelayMs(2)).toBe(2750);
    expect(spawnDelayMs(16)).toBe(344);
  });
});

describe('two shards in one process (shards: auto)', () => {
  it('opens one connection per recommended shard, each READY with its own guild, and answers in both guilds and DMs', async () => {
    const opened = await openSeedArchive();
    const h = await startBotHarness(opened.archive, {}, { shards: 'auto', standIn: { shards: 2 } });
    try {
      expect(h.standIn.identified.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(readyGuilds(h.standIn)).toEqual({ 0: [h.standIn.secondGuild.id], 1: [h.standIn.guildId] });
      expect(h.bot.client.guilds.cache.map((g) => g.shardId).sort()).toEqual([0, 1]);
      expect(h.bot.client.guilds.cache.get(h.standIn.secondGuild.id)?.shardId).toBe(0);
      expect(h.bot.client.guilds.cache.get(h.standIn.guildId)?.shardId).toBe(1);
      await askEveryShard(h.standIn);
    } finally {
      await h.close();
      await opened.cleanup();
    }
  });
});

describe('shard entry points as child processes', () => {
  let standIn: DiscordStandIn;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archivist-shards-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('npm start runs every shard the gateway recommends in one process', async () => {
    standIn = await startDiscordStandIn({ shards: 2 });
    const run = runTsx('src/discord/main.ts', { DISCORD_TOKEN: 'x', DISCORD_API_URL: standIn.apiUrl, INDEX_DIR: join(dir, 'one'), CORPUS_DIR: 'seeds' });
    const exited = run.exited(120_000);
    try {
      const shards = await standIn.waitForShards(2, 90_000);
      expect(shards.map((s) => s.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      await waitUntil(() => run.stderr().includes('discord bot ready'), 30_000);
      expect(run.stderr()).toMatch(/"shards":\[0,1\],"shardCount":2,"restRequestsPerSecond":50/);
      expect(readyGuilds(standIn)).toEqual({ 0: [standIn.secondGuild.id], 1: [standIn.guildId] });
      await askEveryShard(standIn);
    } finally {
      run.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await standIn.close();
    }
  });

  it('npm run start:sharded builds the index once, then runs one read-only process per shard, each answering its own guild', async () => {
    standIn = await startDiscordStandIn({ shards: 2 });
    const token = 'stand-in-shard-secret-do-not-log';
    const indexDir = join(dir, 'sharded');
    const run = runTsx('src/discord/shardedMain.ts', { DISCORD_TOKEN: token, DISCORD_API_URL: standIn.apiUrl, INDEX_DIR: indexDir, CORPUS_DIR: 'seeds' });
    const exited = run.exited(180_000);
    try {
      const gatewayAsked = await standIn.waitFor((r) => r.method === 'GET' && r.route === '/gateway/bot', 90_000);
      expect(gatewayAsked.status).toBe(200);
      // The manager built the index before the first shard process started; snapshot it.
      await waitUntil(() => run.stderr().includes('starting shard processes'), 90_000);
      expect(run.stderr()).toContain('index ready for the shards');
      const before = await snapshot(indexDir);
      expect(before.length).toBeGreaterThan(0);

      const shards = await standIn.waitForShards(2, 120_000);
      expect(shards.map((s) => s.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      await waitUntil(() => run.stderr().includes('all shards ready'), 60_000);
      // Two shard processes, each READY with only its own guild.
      const ready = run.stderr().split('\n').filter((l) => l.includes('discord bot ready'));
      expect(ready).toHaveLength(2);
      for (const line of ready) {
        const { shard, guilds, shards: ids, shardCount, restRequestsPerSecond } = JSON.parse(line);
        expect([ids, shardCount, guilds, restRequestsPerSecond]).toEqual([[shard], 2, 1, 25]);
      }
      expect(readyGuilds(standIn)).toEqual({ 0: [standIn.secondGuild.id], 1: [standIn.guildId] });
      await askEveryShard(standIn);
      // Shard processes only read the index.
      expect(await snapshot(indexDir)).toEqual(before);
    } finally {
      run.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await standIn.close();
    }
    expect(run.stderr()).toContain('shutting down');
    expect(run.stderr() + run.stdout()).not.toContain(token);
  });

  it('a shard process refuses to start outside the manager', async () => {
    const run = runTsx('src/discord/shardProcess.ts', { DISCORD_TOKEN: 'x' });
    expect(await run.exited()).toBe(1);
    expect(run.stderr()).toContain('npm run start:sharded');
  });
});

/** Every file under the index with its size and modification time. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const described = await Promise.all(files.map(async (f) => `${f} ${(await stat(f)).size} ${(await stat(f)).mtimeMs}`));
  return described.sort();
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
