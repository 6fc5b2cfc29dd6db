import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ERROR_MESSAGE } from '../src/discord/format/politeMessages.ts';
import { openArchive } from '../src/qa/openArchive.ts';
import { startDiscordStandIn, type DiscordStandIn, type RecordedRequest } from '../tests/support/discordStandIn.ts';
import { readMemory, type ProcessMemory } from './bench/readMemory.ts';
import { mulberry32 } from '../tests/support/mulberry32.ts';

/**
 * `npm run bench:discord`: the real bot, started as `npm start` and `npm run start:sharded` start
 * it, against the local stand-in (127.0.0.1 only), over the seed archive (hashed embedder).
 * Three setups: one shard; two shards in one process (`shards: 'auto'`); two shard processes
 * (ShardingManager). In each, BENCH_USERS users (500) each ask BENCH_QUESTIONS_PER_USER
 * question(s) (1) at random moments within BENCH_WINDOW_MS (10 s), spread over two guilds (one
 * per shard when there are two) and 20 channels, with the default fair-use limits. Prints
 * event→reply latency (MESSAGE_CREATE dispatch → reply POST arriving at the stand-in) and each
 * bot process's memory (RSS and heap after a full GC, read by a preloaded probe) before and
 * after the load, as markdown tables. Exits 1 if a question goes unanswered, an answer is the
 * error message, or a bot stops answering.
 */
const USERS = Number(process.env.BENCH_USERS ?? 500);
const PER_USER = Number(process.env.BENCH_QUESTIONS_PER_USER ?? 1);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const REPO = join(import.meta.dirname, '..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const PROBE = pathToFileURL(join(REPO, 'scripts/bench/memoryProbe.mjs')).href;
const THROTTLED = /^You're asking faster than I can keep up/;

const QUESTION_POOL = [
  'Where did Jaishankar and Lavrov meet in Vientiane?',
  'Where did Jaishankar meet Lavrov in May 2023?',
  'What did Jaishankar say about Indian nationals in the war zone?',
  'When was that?',
  'What is the capital of Brazil?',
  'What protocol was signed in Moscow?',
  '@everyone <@123456789012345678> who met in Astana?',
  'How did Lavrov describe his rest in Goa?',
  "What's new?",
  'What did they discuss about trade with Russia?',
];

interface Setup {
  name: string;
  entry: string;
  shards: number;
  /** Node processes expected to report memory: tsx wrapper + bot, or + manager + one per shard. */
  processes: number;
}

const SETUPS: Setup[] = [
  { name: '1 shard, 1 process (`npm start`)', entry: 'src/discord/main.ts', shards: 1, processes: 2 },
  { name: '2 shards, 1 process (`npm start`)', entry: 'src/discord/main.ts', shards: 2, processes: 2 },
  { name: '2 shards, 2 processes (`npm run start:sharded`)', entry: 'src/discord/shardedMain.ts', shards: 2, processes: 4 },
];

interface Result {
  setup: Setup;
  questions: number;
  answered: number;
  throttled: number;
  errors: number;
  unanswered: number;
  p50: number;
  p95: number;
  spanS: number;
  idle: ProcessMemory[];
  loaded: ProcessMemory[];
  stillAnswering: boolean;
}


const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The reply to each of `ids` (by message reference) once all have arrived, or what came by the deadline. */
async function collectReplies(standIn: DiscordStandIn, ids: Set<string>, timeoutMs: number): Promise<Map<string, RecordedRequest>> {
  const replies = new Map<string, RecordedRequest>();
  let scanned = 0;
  const deadline = performance.now() + timeoutMs;
  while (replies.size < ids.size && performance.now() < deadline) {
    for (; scanned < standIn.requests.length; scanned++) {
      const r = standIn.requests[scanned]!;
      const id = r.body?.message_reference?.message_id;
      if (r.status === 200 && ids.has(id) && !replies.has(id)) replies.set(id, r);
    }
    await sleep(20);
  }
  return replies;
}

/** One question in one guild, answered? (warm-up and the after-load check). */
async function askOnce(standIn: DiscordStandIn, guild: 'main' | 'second', question: string): Promise<string> {
  const channelId = guild === 'main' ? standIn.channels.general : standIn.secondGuild.general;
  const sent = standIn.sendMessage({ content: `<@${standIn.bot.id}> ${question}`, channelId, author: { id: '1100000000000000777', username: 'probe' } });
  const reply = await standIn.waitFor((r) => r.status === 200 && r.body?.message_reference?.message_id === sent.id, 30_000);
  return String(reply.body.content);
}

async function runSetup(setup: Setup, indexDir: string, workDir: string, seed: number): Promise<Result> {
  const standIn = await startDiscordStandIn({ shards: setup.shards });
  const probeDir = join(workDir, `probe-${seed}`);
  await mkdir(probeDir, { recursive: true });
  const child: ChildProcess = spawn(TSX, [setup.entry], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: standIn.apiUrl,
      DISCORD_GUILD_ID: '',
      ASK_CHANNEL_IDS: '',
      ANSWER_IN_THREAD: 'false',
      RATE_LIMIT_BURST: '',
      RATE_LIMIT_PER_MINUTE: '',
      INDEX_DIR: indexDir,
      CORPUS_DIR: 'seeds',
      EMBEDDER: 'hashed',
      FEEDBACK_FILE: join(workDir, 'feedback.jsonl'),
      LOG_LEVEL: 'warn',
      BENCH_PROBE_DIR: probeDir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${PROBE}`.trim(),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await standIn.waitForShards(setup.shards, 120_000);
    // Warm up every shard (first-call JIT, lazy loads), then measure from a settled heap.
    for (const guild of ['main', 'second'] as const) await askOnce(standIn, guild, 'hello');
    const idle = await readMemory(probeDir, `idle`, setup.processes);

    const random = mulberry32(seed);
    const schedule = Array.from({ length: USERS * PER_USER }, (_, i) => ({
      at: random() * WINDOW_MS,
      user: i % USERS,
      question: QUESTION_POOL[Math.floor(random() * QUESTION_POOL.length)]!,
    })).sort((a, b) => a.at - b.at);
    const sentAt = new Map<string, number>();
    const start = performance.now();
    for (const item of schedule) {
      const wait = start + item.at - performance.now();
      if (wait > 0) await sleep(wait);
      const second = item.user % 2 === 1;
      const channel = second ? 1100000001000000300n : 1100000000000000300n;
      const sent = standIn.sendMessage({
        content: `<@${standIn.bot.id}> ${item.question}`,
        author: { id: String(1100000000000100000n + BigInt(item.user)), username: `user${item.user}` },
        guildId: second ? standIn.secondGuild.id : standIn.guildId,
        channelId: String(channel + BigInt(item.user % 10)),
      });
      sentAt.set(sent.id, sent.at);
    }
    const replies = await collectReplies(standIn, new Set(sentAt.keys()), WINDOW_MS + 60_000);
    const spanS = (performance.now() - start) / 1000;

    const latencies: number[] = [];
    let throttled = 0;
    let errors = 0;
    for (const [id, r] of replies) {
      latencies.push(r.at - sentAt.get(id)!);
      const content = String(r.body.content);
      if (content === ERROR_MESSAGE) errors++;
      else if (THROTTLED.test(content)) throttled++;
    }
    latencies.sort((a, b) => a - b);
    const loaded = await readMemory(probeDir, 'loaded', setup.processes);
    standIn.clearRecords();
    const check = await Promise.all([askOnce(standIn, 'main', QUESTION_POOL[0]!), askOnce(standIn, 'second', QUESTION_POOL[0]!)]);
    return {
      setup,
      questions: sentAt.size,
      answered: replies.size - throttled - errors,
      throttled,
      errors,
      unanswered: sentAt.size - replies.size,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      spanS,
      idle,
      loaded,
      stillAnswering: check.every((c) => c.includes('[1]')),
    };
  } catch (err) {
    process.stderr.write(`${setup.name}: ${err instanceof Error ? err.message : String(err)}\n${stderr.slice(-2000)}\n`);
    throw err;
  } finally {
    const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGTERM');
    await exited;
    await standIn.close();
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const mb = (n: number) => n.toFixed(0);
const bots = (m: ProcessMemory[]) => m.filter((p) => p.role !== 'tsx wrapper');

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'archivist-bench-discord-'));
  const indexDir = join(workDir, 'index');
  // Build the index once, so every setup opens the same one (and none spends the load building).
  (await openArchive({ indexDir, corpusDir: join(REPO, 'seeds'), embedder: 'hashed' })).close();
  const results: Result[] = [];
  try {
    for (const [i, setup] of SETUPS.entries()) results.push(await runSetup(setup, indexDir, workDir, 42 + i));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `Discord bench, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}. ` +
      `${USERS} users × ${PER_USER} question(s) within ${WINDOW_MS / 1000} s, over 2 guilds and 20 channels; default fair-use limits; seed archive (5 articles, hashed embedder). ` +
      'Latency = MESSAGE_CREATE dispatch → reply POST at the stand-in. Memory after a full GC, per bot process (the tsx wrapper each `tsx` command adds is listed apart).\n',
  );
  console.log(
    table(
      ['setup', 'questions', 'answered', 'throttled', 'errors', 'unanswered', 'p50 ms', 'p95 ms', 'span s'],
      results.map((r) => [r.setup.name, String(r.questions), String(r.answered), String(r.throttled), String(r.errors), String(r.unanswered), r.p50.toFixed(0), r.p95.toFixed(0), r.spanS.toFixed(1)]),
    ),
  );
  console.log('');
  console.log(
    table(
      ['setup', 'process', 'RSS MB idle', 'RSS MB after load', 'heap MB idle', 'heap MB after load'],
      results.flatMap((r) =>
        [...bots(r.loaded), ...r.loaded.filter((p) => p.role === 'tsx wrapper').slice(0, 1)].map((p) => {
          const before = r.idle.find((q) => q.pid === p.pid);
          return [r.setup.name, p.role, before ? mb(before.rssMB) : '?', mb(p.rssMB), before ? before.heapMB.toFixed(1) : '?', p.heapMB.toFixed(1)];
        }),
      ),
    ),
  );
  console.log('');
  for (const r of results) {
    console.log(`${r.setup.name}: total RSS of the bot processes after load ${mb(bots(r.loaded).reduce((s, p) => s + p.rssMB, 0))} MB; still answering afterwards: ${r.stillAnswering ? 'yes' : 'NO'}`);
  }
  if (results.some((r) => r.unanswered || r.errors || !r.stillAnswering)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
