import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createBot } from '../src/discord/createBot.ts';
import { ERROR_MESSAGE } from '../src/discord/format/politeMessages.ts';
import { openArchive } from '../src/qa/openArchive.ts';
import { startDiscordStandIn, type RecordedRequest } from '../tests/support/discordStandIn.ts';

/**
 * `npx tsx scripts/bench-discord.ts`: the real bot against the local stand-in (127.0.0.1 only).
 * Each round, 500 questions (mentions) from 50 users arrive within 10 seconds; every one must
 * be answered or politely rate-limited, with no crash and no unhandled rejection. Prints
 * event→reply latency, counts, and memory after each round (after GC) to show it stays flat.
 * Options: env BENCH_ROUNDS (default 2), BENCH_QUESTIONS (500), BENCH_USERS (50), BENCH_WINDOW_MS (10000).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 500);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const RATE_LIMITED = /^You're asking faster than I can keep up/;

const QUESTION_POOL = [
  'Where did Jaishankar and Lavrov meet in Vientiane?',
  'Where did Jaishankar meet Lavrov in May 2023?',
  'What did Jaishankar say about Indian nationals in the war zone?',
  'When was that?',
  'What is the capital of Brazil?',
  'What protocol was signed in Moscow?',
  '@everyone <@123456789012345678> who met in Astana?',
  'How did Lavrov describe his rest in Goa?',
  'hello',
  'What did they discuss about trade with Russia?',
];

let unhandled = 0;
let uncaught = 0;
process.on('unhandledRejection', () => void unhandled++);
process.on('uncaughtException', () => void uncaught++);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory(): { rss: number; heap: number } {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
}

/** Mulberry32: a seeded PRNG so every run sends the same schedule. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

async function main(): Promise<void> {
  const config = loadConfig();
  const dir = await mkdtemp(join(tmpdir(), 'archivist-bench-discord-'));
  const standIn = await startDiscordStandIn();
  const archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: 'seeds', embedder: 'hashed' });
  const bot = createBot({
    archive,
    config: { ...config, ASK_CHANNEL_IDS: [], ANSWER_IN_THREAD: false, DISCORD_API_URL: standIn.apiUrl, FEEDBACK_FILE: join(dir, 'feedback.jsonl') },
    log: pino({ level: 'silent' }),
  });
  await bot.start('bench-token');

  // Warm up (first-call JIT and lazy loads), then measure from a settled heap.
  const warm = standIn.sendMessage({ content: `<@${standIn.bot.id}> hello`, author: { id: '1', username: 'warm' } });
  await standIn.waitFor((r) => r.body?.message_reference?.message_id === warm.id, 10_000);
  const before = memory();
  const random = prng(42);
  const rows: string[][] = [];

  for (let round = 1; round <= ROUNDS; round++) {
    const byMessage = new Map<string, { at: number }>();
    const replies = new Map<string, RecordedRequest>();
    const sentAll = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${replies.size}/${QUESTIONS} replies within the time limit`)), WINDOW_MS + 60_000);
      void (async () => {
        while (replies.size < QUESTIONS) {
          const r = await standIn.waitFor(
            (x) => x.method === 'POST' && byMessage.has(x.body?.message_reference?.message_id) && !replies.has(x.body.message_reference.message_id),
            WINDOW_MS + 60_000,
          );
          replies.set(r.body.message_reference.message_id, r);
        }
        clearTimeout(timer);
        resolve();
      })().catch(reject);
    });

    // Schedule: each question at a random moment in the window, from a random one of USERS users.
    const schedule = Array.from({ length: QUESTIONS }, () => ({
      at: random() * WINDOW_MS,
      user: Math.floor(random() * USERS),
      question: QUESTION_POOL[Math.floor(random() * QUESTION_POOL.length)]!,
    })).sort((a, b) => a.at - b.at);
    const start = performance.now();
    for (const item of schedule) {
      const wait = start + item.at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sent = standIn.sendMessage({
        content: `<@${standIn.bot.id}> ${item.question}`,
        author: { id: String(1100000000000100000n + BigInt(round * 1000 + item.user)), username: `user${item.user}` },
        channelId: String(1100000000000200000n + BigInt(item.user % 10)),
      });
      byMessage.set(sent.id, { at: sent.at });
    }
    await sentAll;
    const spanMs = performance.now() - start;

    const latency = { answered: [] as number[], limited: [] as number[], errors: [] as number[] };
    for (const [id, r] of replies) {
      const ms = r.at - byMessage.get(id)!.at;
      const content = String(r.body.content);
      if (content === ERROR_MESSAGE) latency.errors.push(ms);
      else if (RATE_LIMITED.test(content)) latency.limited.push(ms);
      else latency.answered.push(ms);
    }
    const all = [...latency.answered, ...latency.limited, ...latency.errors].sort((a, b) => a - b);
    const answered = latency.answered.sort((a, b) => a - b);
    // The stand-in shares this process: drop its records so the figures are the bot's.
    standIn.clearRecords();
    const after = memory();
    rows.push([
      String(round),
      String(QUESTIONS),
      String(latency.answered.length),
      String(latency.limited.length),
      String(latency.errors.length),
      percentile(all, 50).toFixed(0),
      percentile(all, 95).toFixed(0),
      percentile(answered, 50).toFixed(0),
      percentile(answered, 95).toFixed(0),
      (spanMs / 1000).toFixed(1),
      after.rss.toFixed(0),
      after.heap.toFixed(1),
    ]);
  }

  // Still serving after the storm?
  const last = standIn.sendMessage({ content: `<@${standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?`, author: { id: '2', username: 'after' } });
  const lastReply = await standIn.waitFor((r) => r.body?.message_reference?.message_id === last.id, 10_000);
  const stillServing = String(lastReply.body.content).includes('[1]');

  await bot.stop();
  await standIn.close();
  await rm(dir, { recursive: true, force: true });

  const header = ['round', 'questions', 'answered', 'rate-limited', 'errors', 'p50 ms', 'p95 ms', 'p50 answered', 'p95 answered', 'span s', 'RSS MB', 'heap MB'];
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`Discord bench: ${QUESTIONS} questions from ${USERS} users within ${WINDOW_MS / 1000} s per round; rate limit ${config.RATE_LIMIT_BURST} burst + ${config.RATE_LIMIT_PER_MINUTE}/min per user; latency = MESSAGE_CREATE dispatch → reply POST at the stand-in`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`memory before: RSS ${before.rss.toFixed(0)} MB, heap ${before.heap.toFixed(1)} MB (after GC)`);
  console.log(`unhandled rejections: ${unhandled}; uncaught exceptions: ${uncaught}; still answering afterwards: ${stillServing ? 'yes' : 'NO'}`);
  if (unhandled || uncaught || !stillServing || rows.some((r) => r[4] !== '0')) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
