import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsx } from '../support/discordChildProcess.ts';
import { isReplyTo } from '../support/discordBotHarness.ts';
import { startDiscordStandIn, type DiscordStandIn } from '../support/discordStandIn.ts';

/** The real entry points as child processes against a stand-in. */
let standIn: DiscordStandIn;
let dir: string;
beforeAll(async () => {
  standIn = await startDiscordStandIn();
  dir = await mkdtemp(join(tmpdir(), 'archivist-discord-proc-'));
});
afterAll(async () => {
  await standIn?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run register', () => {
  it('PUTs the six slash commands, with option descriptions, and the "Find sources" message command to the guild when DISCORD_GUILD_ID is set', async () => {
    const run = runTsx('scripts/register-commands.ts', { DISCORD_TOKEN: 'x', DISCORD_API_URL: standIn.apiUrl, DISCORD_GUILD_ID: standIn.guildId });
    expect(await run.exited()).toBe(0);
    expect(run.stdout()).toMatch(/^Registered 7 commands \(\/ask, \/search, \/sources, \/source, \/help, \/stats, Find sources \(message menu\)\)/);
    expect(standIn.requests.some((r) => r.method === 'GET' && /applications\/(@|%40)me$/.test(r.route))).toBe(true);
    const put = await standIn.waitFor((r) => r.method === 'PUT' && r.route === `/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`);
    const commands: any[] = put.body;
    const slash = commands.filter((c) => (c.type ?? 1) === 1);
    expect(slash.map((c) => c.name).sort()).toEqual(['ask', 'help', 'search', 'source', 'sources', 'stats']);
    for (const c of slash) {
      expect(c.description.length).toBeGreaterThan(10);
      for (const o of c.options ?? []) expect(o.description.length, `${c.name}.${o.name}`).toBeGreaterThan(5);
    }
    const ask = commands.find((c) => c.name === 'ask');
    expect(ask.options.map((o: any) => [o.name, o.type, o.required ?? false])).toEqual([
      ['question', 3, true],
      ['since', 3, false],
      ['until', 3, false],
      ['private', 5, false],
    ]);
    expect(commands.find((c) => c.name === 'source').options[0].autocomplete).toBe(true);
    // A message command: type 3, a name, no description, no options; usable in servers and DMs with the bot.
    const menu = commands.find((c) => c.type === 3);
    expect(menu).toMatchObject({ name: 'Find sources', type: 3, contexts: [0, 1] });
    expect(menu.description ?? '').toBe('');
    expect(menu.options).toBeUndefined();
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const run = runTsx('scripts/register-commands.ts', { DISCORD_TOKEN: 'x', DISCORD_API_URL: standIn.apiUrl });
    expect(await run.exited()).toBe(0);
    const put = await standIn.waitFor((r) => r.method === 'PUT' && r.route === `/applications/${standIn.applicationId}/commands`);
    expect(put.body).toHaveLength(7);
    expect(put.body.map((c: any) => c.name)).toContain('Find sources');
  });
});

describe('npm start', () => {
  it('builds the index from the seeds, logs in, answers a mention with a cited answer and /ask with the same answer as npm run ask, and stops on SIGTERM', async () => {
    const token = 'stand-in-secret-token-do-not-log';
    const run = runTsx('src/discord/main.ts', {
      DISCORD_TOKEN: token,
      DISCORD_API_URL: standIn.apiUrl,
      INDEX_DIR: join(dir, 'index'),
      CORPUS_DIR: 'seeds',
      LOG_LEVEL: 'debug',
    });
    const exited = run.exited(90_000);
    try {
      const identify = await standIn.waitForIdentify(60_000);
      expect(identify.token).toBe(token);
      // READY/GUILD_CREATE are out; give the client a moment to process them and emit ClientReady.
      await waitUntil(() => run.stderr().includes('discord bot ready'), 20_000);
      const sent = standIn.sendMessage({ content: `<@${standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?` });
      const reply = await standIn.waitFor(isReplyTo(sent.id), 20_000);
      expect(reply.body.content).toContain("External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the sidelines of ASEAN events in Laos' Vientiane on Friday. [1]");
      expect(reply.body.content).toMatch(/^\[1\] Vientiane: .* — 2024-07-26$/m);
      expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

      // `/ask` in Discord and `npm run ask` in a terminal give the same answer: one ask().
      const question = 'Where did Jaishankar meet Lavrov in May 2023?';
      const interaction = standIn.sendInteraction({ type: 2, name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
      const edit = await standIn.waitFor(
        (r) => r.method === 'PATCH' && r.route === `/webhooks/${standIn.applicationId}/${interaction.token}/messages/%40original`,
        20_000,
      );
      const cli = runTsx('src/cli/main.ts', { INDEX_DIR: join(dir, 'index') }, ['ask', '--json', '--index', join(dir, 'index'), question]);
      expect(await cli.exited()).toBe(0);
      const answer = JSON.parse(cli.stdout());
      expect(answer.abstained).toBe(false);
      expect(answer.sentences.length).toBeGreaterThan(0);
      const content = JSON.stringify(edit.body);
      for (const s of answer.sentences) expect(content).toContain(JSON.stringify(`${s.text} [${s.citations.join('][')}]`).slice(1, -1));
      for (const source of answer.sources) expect(content).toContain(JSON.stringify(source.title).slice(1, -1));
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(run.stderr()).toContain('shutting down');
    expect(run.stderr() + run.stdout()).not.toContain(token);
  });

  it('repairs an index whose vectors.hnsw was truncated before it starts answering', async () => {
    const indexDir = join(dir, 'damaged-index');
    const ingest = runTsx('src/cli/main.ts', {}, ['ingest', '--corpus', 'seeds', '--index', indexDir, '--embedder', 'hashed']);
    expect(await ingest.exited()).toBe(0);
    const build = (await readdir(indexDir)).find((e) => e.startsWith('build-'))!;
    await truncate(join(indexDir, build, 'vectors.hnsw'), 1000);

    const run = runTsx('src/discord/main.ts', { DISCORD_TOKEN: 'x', DISCORD_API_URL: standIn.apiUrl, INDEX_DIR: indexDir, CORPUS_DIR: 'seeds', EMBEDDER: 'hashed' });
    const exited = run.exited(90_000);
    try {
      await waitUntil(() => run.stderr().includes('discord bot ready'), 60_000);
      expect(run.stderr()).toMatch(/vectors\.hnsw has 1000 bytes/);
      const sent = standIn.sendMessage({ content: `<@${standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?` });
      const reply = await standIn.waitFor(isReplyTo(sent.id), 20_000);
      expect(reply.body.content).toMatch(/Vientiane[^\n]*\[1\]/);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits non-zero without a token, pointing to .env.example and npm run chat', async () => {
    const run = runTsx('src/discord/main.ts', { DISCORD_TOKEN: '' });
    expect(await run.exited()).toBe(1);
    expect(run.stderr()).toContain('DISCORD_TOKEN is not set');
    expect(run.stderr()).toContain('.env.example');
    expect(run.stderr()).toContain('npm run chat');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
