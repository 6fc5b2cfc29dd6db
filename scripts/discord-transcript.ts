import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src/qa/openArchive.ts';
import { startBotHarness, type Harness } from '../tests/support/discordBotHarness.ts';
import type { DiscordStandIn, RecordedRequest } from '../tests/support/discordStandIn.ts';

/**
 * `npx tsx scripts/discord-transcript.ts`: the exchange shown in docs/discord.md ("A real
 * exchange"), regenerated. Starts the local Discord stand-in (127.0.0.1 only), builds the
 * archive over `seeds/` into a temp dir with the hashed embedder, logs the real bot in, sends a
 * few mentions and slash commands, and prints what the bot sent, verbatim, from the REST calls
 * the stand-in recorded. Exits by itself (everything is closed; a hard limit stops a hang).
 */

const HARD_LIMIT_MS = 120_000;
/** How long to wait for a reply before giving up on the run. */
const REPLY_TIMEOUT_MS = 15_000;
/** After the last expected write, how long to keep collecting (split messages, follow-ups). */
const SETTLE_MS = 300;

const hardLimit = setTimeout(() => {
  console.error(`discord-transcript: did not finish within ${HARD_LIMIT_MS / 1000} s`);
  process.exit(1);
}, HARD_LIMIT_MS);
hardLimit.unref();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `4 = SuppressEmbeds`, `68 = Ephemeral | SuppressEmbeds`. */
function describeFlags(flags: number | undefined): string {
  const names: [number, string][] = [
    [4, 'SuppressEmbeds'],
    [64, 'Ephemeral'],
  ];
  const set = names.filter(([bit]) => ((flags ?? 0) & bit) !== 0).map(([, name]) => name);
  return `flags ${flags ?? 0}${set.length ? ` = ${set.join(' | ')}` : ''}`;
}

/** The button labels under a message: `[More sources] [Show passage] [👍] [👎]`. */
function describeButtons(components: any[] | undefined): string | undefined {
  const labels = (components ?? []).flatMap((row: any) => (row.components ?? []).map((c: any) => `[${c.label ?? c.emoji?.name ?? '?'}]`));
  return labels.length ? `  ${labels.join(' ')}` : undefined;
}

/** The path as sent, with interaction ids, tokens and the application id elided. */
function describeRoute(r: RecordedRequest): string {
  const route = r.route
    .replace(/^\/interactions\/\d+\/[^/]+\/callback$/, '/interactions/…/callback')
    .replace(/^\/webhooks\/\d+\/[^/]+/, '/webhooks/…');
  return `${r.method} /api/v10${route}`;
}

/** One request line of the transcript, and the message it carried (if any). */
function describeRequest(r: RecordedRequest, dispatchedAt?: number): { line: string; content?: string; buttons?: string } {
  const after = dispatchedAt === undefined ? '' : ` ${Math.round(r.at - dispatchedAt)} ms after dispatch`;
  const isCallback = /\/callback$/.test(r.route);
  const message = isCallback ? r.body?.data : r.body;
  if (isCallback && (r.body?.type === 5 || r.body?.type === 6)) {
    const ephemeral = ((r.body?.data?.flags ?? 0) & 64) !== 0 ? ', ephemeral' : '';
    return { line: `  → ${describeRoute(r)} type ${r.body.type} (deferred${ephemeral})${after}` };
  }
  if (message === undefined || (!('content' in message) && !('components' in message))) {
    return { line: `  → ${describeRoute(r)}${after}` };
  }
  const facts: string[] = [];
  if (isCallback) facts.push(`type ${r.body.type}`);
  if (message.message_reference) facts.push('reply');
  facts.push(`allowed_mentions ${JSON.stringify(message.allowed_mentions)}`);
  facts.push(describeFlags(message.flags));
  return {
    line: `  → ${describeRoute(r)} (${facts.join('; ')})${after}`,
    content: String(message.content ?? ''),
    buttons: describeButtons(message.components),
  };
}

function print(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Requests the bot made since `from` that belong to this exchange, once the last expected one arrived. */
async function collect(standIn: DiscordStandIn, from: number, last: (r: RecordedRequest) => boolean, belongs: (r: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
  await standIn.waitFor((r) => standIn.requests.indexOf(r) >= from && last(r), REPLY_TIMEOUT_MS);
  await sleep(SETTLE_MS);
  return standIn.requests.slice(from).filter(belongs);
}

const asker = { id: '1100000000000001001', username: 'asker' };

async function mention(standIn: DiscordStandIn, question: string): Promise<void> {
  const from = standIn.requests.length;
  const channelId = standIn.channels.general;
  const sent = standIn.sendMessage({ content: `<@${standIn.bot.id}> ${question}`, author: asker, channelId });
  const writes = await collect(
    standIn,
    from,
    (r) => r.method === 'POST' && r.body?.message_reference?.message_id === sent.id,
    (r) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`,
  );
  const lines = [`@Archivist ${question}`];
  for (const w of writes) {
    const d = describeRequest(w);
    lines.push(d.line, d.content ?? '');
    if (d.buttons) lines.push(d.buttons);
  }
  print([...lines, '']);
}

async function slash(standIn: DiscordStandIn, name: string, options: { name: string; value: string }[]): Promise<void> {
  const from = standIn.requests.length;
  const sent = standIn.sendInteraction({ type: 2, name, options: options.map((o) => ({ ...o, type: 3 })), user: asker });
  const mine = (r: RecordedRequest) => r.route.includes(`/${sent.token}/`) || r.route.endsWith(`/${sent.token}`);
  const answers = (r: RecordedRequest) =>
    mine(r) && ((r.method === 'PATCH' && /messages\/%40original$/.test(r.route)) || (/\/callback$/.test(r.route) && r.body?.type === 4));
  const requests = await collect(standIn, from, answers, mine);
  const lines = [`/${name}${options.map((o) => ` ${o.name}:${o.value}`).join('')}`];
  const contents: string[] = [];
  for (const r of requests) {
    const d = describeRequest(r, sent.at);
    lines.push(d.line);
    if (d.content !== undefined) contents.push(d.content, ...(d.buttons ? [d.buttons] : []));
  }
  print([...lines, ...contents, '']);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'archivist-transcript-'));
  let harness: Harness | undefined;
  try {
    const archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: join(import.meta.dirname, '../seeds'), embedder: 'hashed' });
    // The harness allows a burst of 100: one user asks seven questions in a few seconds here.
    harness = await startBotHarness(archive, { FEEDBACK_FILE: join(dir, 'feedback.jsonl') });
    const { standIn } = harness;
    await mention(standIn, 'Where did Jaishankar and Lavrov meet in Vientiane?');
    await mention(standIn, 'What is the capital of Brazil?');
    await slash(standIn, 'ask', [
      { name: 'question', value: 'What did Jaishankar raise about Indian nationals?' },
      { name: 'since', value: '2024' },
    ]);
    await slash(standIn, 'stats', []);
    await mention(standIn, 'Where did Jaishankar meet Lavrov in May 2023?');
    await mention(standIn, 'What did they discuss there?');
  } finally {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
