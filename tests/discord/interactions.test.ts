import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGE } from '../../src/discord/format/politeMessages.ts';
import { MESSAGE_LIMIT } from '../../src/discord/splitMessage.ts';
import { allowedMentionsOf, contentOf, isMessageWrite, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import type { RecordedRequest, SentInteraction } from '../support/discordStandIn.ts';
import { collapse, openSeedArchive, quotedSentences, seedTexts, withFailingAsk } from '../support/discordSeedArchive.ts';

/** The real bot over the real seed archive; slash commands, autocomplete and buttons. */
let h: Harness;
let dir: string;
let seeds: string[];
let cleanup: () => Promise<void>;
let archive: ReturnType<typeof withFailingAsk>;
let feedbackFile: string;
const VIENTIANE = "External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the sidelines of ASEAN events in Laos' Vientiane on Friday.";

beforeAll(async () => {
  const opened = await openSeedArchive();
  ({ cleanup, dir } = opened);
  archive = withFailingAsk(opened.archive);
  seeds = await seedTexts();
  feedbackFile = join(dir, 'feedback', 'votes.jsonl');
  h = await startBotHarness(archive, { FEEDBACK_FILE: feedbackFile });
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

const forToken = (token: string) => (r: RecordedRequest) => r.route.includes(`/${token}/`) || r.route.endsWith(`/${token}`);
const callbackOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'POST' && r.route === `/interactions/${i.id}/${i.token}/callback`;
const originalEditOf = (i: SentInteraction) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.route === `/webhooks/${h.standIn.applicationId}/${i.token}/messages/%40original`;
const followUpsOf = (i: SentInteraction) => h.standIn.requests.filter((r) => r.method === 'POST' && r.route === `/webhooks/${h.standIn.applicationId}/${i.token}`);
const str = (name: string, value: string, focused = false) => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

function slash(name: string, options: { name: string; type: number; value: string | boolean }[] = [], extra: { dm?: boolean; userId?: string } = {}) {
  return h.standIn.sendInteraction({
    type: 2,
    name,
    options,
    dm: extra.dm ?? false,
    ...(extra.userId ? { user: { id: extra.userId, username: 'asker' } } : {}),
  });
}

/** `/ask`: the bot's answer message (the edited @original) and the interaction. */
async function askSlash(question: string, more: { name: string; type: number; value: string | boolean }[] = []) {
  const interaction = slash('ask', [str('question', question), ...more]);
  const edit = await h.standIn.waitFor(originalEditOf(interaction), 10_000);
  return { interaction, edit, message: h.standIn.messages.get(`${interaction.token}/@original`) };
}

function press(customId: string, message: unknown) {
  return h.standIn.sendInteraction({ type: 3, customId, message });
}

function buttonIds(body: any): string[] {
  return (body?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));
}

describe('/ask', () => {
  it('is acknowledged within 3 seconds of dispatch, then completed by editing @original with a cited answer', async () => {
    const { interaction, edit } = await askSlash('Where did Jaishankar and Lavrov meet in Vientiane?');
    const ack = await h.standIn.waitFor(callbackOf(interaction), 1000);
    expect(ack.body.type).toBe(5); // deferred channel message with source
    expect(ack.at - interaction.at).toBeLessThan(3000);
    expect(ack.at).toBeLessThanOrEqual(edit.at);
    expect(edit.body.content).toContain(VIENTIANE);
    expect(edit.body.content).toMatch(/\[1\] .* — 2024-07-26/);
    for (const q of quotedSentences(edit.body.content)) expect(seeds.some((s) => s.includes(collapse(q)))).toBe(true);
    expect(edit.body.allowed_mentions).toMatchObject({ parse: [] });
    expect(buttonIds(edit.body)).toEqual(expect.arrayContaining([expect.stringMatching(/^passage:/), expect.stringMatching(/^vote:up:/)]));
  });

  it('answers privately (ephemeral) when private is true', async () => {
    const { interaction } = await askSlash('Where did Jaishankar and Lavrov meet in Vientiane?', [{ name: 'private', type: 5, value: true }]);
    const ack = await h.standIn.waitFor(callbackOf(interaction), 1000);
    expect(ack.body.data.flags & 64).toBe(64);
  });

  it('passes since/until to the archive: an answer limited to 2023 cites only 2023 articles', async () => {
    const { edit } = await askSlash('Where did Jaishankar and Lavrov meet?', [str('since', '2023'), str('until', '2023-12')]);
    const dates = [...String(edit.body.content).matchAll(/ — (\d{4})-\d\d-\d\d$/gm)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['2023']));
  });

  it('refuses a malformed date privately, without asking', async () => {
    const interaction = slash('ask', [str('question', 'Where did they meet?'), str('since', 'last tuesday')]);
    const reply = await h.standIn.waitFor(callbackOf(interaction));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/Dates look like 2024, 2024-07 or 2024-07-26/);
  });

  it('answers an error in the handler with a short message, and the next /ask still works', async () => {
    archive.failNextAsk();
    const failed = await askSlash('Where did Jaishankar and Lavrov meet in Vientiane?');
    expect(failed.edit.body.content).toBe(ERROR_MESSAGE);
    const next = await askSlash('Where did Jaishankar and Lavrov meet in Vientiane?');
    expect(next.edit.body.content).toContain(VIENTIANE);
  });
});

describe('answer buttons', () => {
  let message: any;
  let body: any;
  beforeAll(async () => {
    const asked = await askSlash('Where did Jaishankar and Lavrov meet in Vientiane?');
    message = asked.message;
    body = asked.edit.body;
  });

  it('More sources lists the retrieved articles the answer did not cite, privately', async () => {
    const id = buttonIds(body).find((c) => c.startsWith('more:'))!;
    expect(id).toBeDefined();
    const i = press(id, message);
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(reply.body.data.content).toMatch(/^\*\*More articles on this question\*\*\n• /);
    const cited = [...String(body.content).matchAll(/^\[\d+\] (.*)$/gm)].map((m) => m[1]);
    for (const line of cited) expect(reply.body.data.content).not.toContain(line);
  });

  it('Show passage shows the paragraph around the first quoted sentence', async () => {
    const i = press(buttonIds(body).find((c) => c.startsWith('passage:'))!, message);
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.data.content).toContain(VIENTIANE);
    expect(reply.body.data.content).toMatch(/— Vientiane: .* — 2024-07-26$/);
  });

  it('👍 appends question, answer and user id to the feedback file', async () => {
    const i = h.standIn.sendInteraction({ type: 3, customId: buttonIds(body).find((c) => c.startsWith('vote:up:'))!, message, user: { id: '1100000000000007777', username: 'voter' } });
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.data.content).toMatch(/^Thanks/);
    const lines = (await readFile(feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      vote: 'up',
      userId: '1100000000000007777',
      question: 'Where did Jaishankar and Lavrov meet in Vientiane?',
      kind: 'answer',
      messageId: message.id,
    });
    expect(lines.at(-1).answer).toContain(VIENTIANE);
  });

  it('a button whose answer has been forgotten says so instead of failing', async () => {
    const i = press('vote:down:gone.1', message);
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.data.content).toMatch(/no longer in my memory/);
  });
});

describe('/search', () => {
  it('splits output over 2,000 characters into several messages, each passage kept whole', async () => {
    const i = slash('search', [str('query', 'Jaishankar Lavrov meeting')]);
    await h.standIn.waitFor(originalEditOf(i), 10_000);
    // Follow-ups go one after another; the last one holds passage 8 (the /search limit).
    await h.standIn.waitFor((r) => forToken(i.token)(r) && /\*\*8\.\*\* /.test(contentOf(r)), 10_000);
    const parts = [h.standIn.requests.find(originalEditOf(i))!, ...followUpsOf(i)].map(contentOf);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts[0]).toMatch(/^\*\*Passages for “Jaishankar Lavrov meeting”\*\*/);
    for (const p of parts.slice(1)) expect(p).toMatch(/^\*\*\d+\.\*\* /);
    expect(parts.join('\n')).toMatch(/\*\*8\.\*\* /);
  });
});

describe('/sources and /source', () => {
  it('/sources lists every article with its date, newest first', async () => {
    const i = slash('sources');
    const reply = await h.standIn.waitFor(callbackOf(i));
    const content: string = reply.body.data.content;
    expect(content).toMatch(/^\*\*Articles in the archive\*\* \(5; page 1 of 1\)/);
    const dates = [...content.matchAll(/ — (\d{4}-\d\d-\d\d)$/gm)].map((m) => m[1]);
    expect(dates).toEqual(['2024-07-26', '2024-07-17', '2023-12-28', '2023-12-27', '2023-05-04']);
  });

  it('a page button shows that page in place (update)', async () => {
    const i = press('sources:0', { ...h.standIn.messages.values().next().value });
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.type).toBe(7);
    expect(reply.body.data.content).toMatch(/page 1 of 1/);
  });

  it('/source autocompletes titles and shows an article’s title, outlet, date and opening lines', async () => {
    const auto = h.standIn.sendInteraction({ type: 4, name: 'source', options: [str('article', 'steady', true)] });
    const choices = await h.standIn.waitFor(callbackOf(auto));
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices).toEqual([
      { name: 'Indo-Russia ties very strong, very steady: Jaishankar as he meets Lavrov (2023-12-27)', value: '003_efe2fcb9701c267e' },
    ]);
    const i = slash('source', [str('article', '003_efe2fcb9701c267e')]);
    const reply = await h.standIn.waitFor(callbackOf(i));
    const content: string = reply.body.data.content;
    expect(content.split('\n')[0]).toBe('Indo-Russia ties very strong, very steady: Jaishankar as he meets Lavrov — PTI — 2023-12-27');
    expect(content).toMatch(/^> /m);
  });
});

describe('/help and /stats', () => {
  it('/help explains the commands privately', async () => {
    const i = slash('help');
    const reply = await h.standIn.waitFor(callbackOf(i));
    expect(reply.body.data.flags & 64).toBe(64);
    for (const c of ['/ask', '/search', '/sources', '/source', '/stats']) expect(reply.body.data.content).toContain(c);
  });

  it('/stats shows articles, chunks, embedder, build time and newest article date', async () => {
    const i = slash('stats');
    const reply = await h.standIn.waitFor(callbackOf(i));
    const content: string = reply.body.data.content;
    expect(content).toContain('Articles: 5');
    expect(content).toMatch(/Chunks: \d+/);
    expect(content).toContain('Embedder: hashed');
    expect(content).toMatch(/Index built: \d{4}-\d\d-\d\dT/);
    expect(content).toContain('Newest article: 2024-07-26');
  });
});

describe('safety', () => {
  it('a DM /ask works (DM channel, user instead of member)', async () => {
    const i = h.standIn.sendInteraction({ type: 2, name: 'ask', options: [str('question', 'Where did Jaishankar and Lavrov meet in Vientiane?')], dm: true });
    const edit = await h.standIn.waitFor(originalEditOf(i), 10_000);
    expect(edit.body.content).toContain(VIENTIANE);
  });

  it('every message the bot created or edited carried allowed_mentions with parse: []', async () => {
    const writes = h.standIn.requests.filter(isMessageWrite);
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes) expect(allowedMentionsOf(w), `${w.method} ${w.route}`).toMatchObject({ parse: [] });
  });

  it('made no request the stand-in does not know', () => {
    expect(h.standIn.requests.filter((r) => r.status === 404)).toEqual([]);
  });
});
