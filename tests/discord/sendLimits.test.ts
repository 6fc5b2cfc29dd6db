import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/qa/types.ts';
import { startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import type { RecordedRequest } from '../support/discordStandIn.ts';
import { openSeedArchive } from '../support/discordSeedArchive.ts';

/**
 * Discord's send limits: the stand-in answers the bot's sends to a channel with 429 and
 * `retry_after` (and the `x-ratelimit-*` / `Retry-After` headers discord.js reads). Replies must
 * be queued, arrive in the order the questions were asked, and none may be lost. Each test gets
 * a fresh bot, so its first 429 is also the moment discord.js learns the route's bucket.
 */
let archive: Archive;
let cleanup: () => Promise<void>;
let h: Harness | undefined;
beforeAll(async () => {
  const opened = await openSeedArchive();
  archive = opened.archive;
  cleanup = opened.cleanup;
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await cleanup?.();
});

const QUESTIONS = [
  'Where did Jaishankar and Lavrov meet in Vientiane?',
  'Where did Jaishankar meet Lavrov in May 2023?',
  'What protocol was signed in Moscow?',
  'What did Jaishankar raise about Indian nationals?',
  'How did Lavrov describe his rest in Goa?',
  'What is the capital of Brazil?',
  'Who met in Astana?',
  'hello',
];

const isChannelSend = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`;

/** Asks every question in one channel at once (each from its own user) and collects the delivered replies. */
async function askAll(channelId: string) {
  const sent = QUESTIONS.map((q, i) =>
    h!.standIn.sendMessage({ content: `<@${h!.standIn.bot.id}> ${q}`, author: { id: String(1100000000000006100n + BigInt(i)), username: `asker${i}` }, channelId }),
  );
  const ids = sent.map((s) => s.id);
  const last = ids.at(-1)!;
  await h!.standIn.waitFor((r) => isChannelSend(channelId)(r) && r.status === 200 && r.body?.message_reference?.message_id === last, 20_000);
  const sends = h!.standIn.requests.filter(isChannelSend(channelId));
  const delivered = sends.filter((r) => r.status === 200).map((r) => r.body.message_reference.message_id as string);
  return { ids, delivered, refused: sends.filter((r) => r.status === 429) };
}

describe('a channel over Discord’s send limit', () => {
  it('429 with a spent bucket (remaining 0, reset-after, retry-after): every reply is delivered once, in question order', async () => {
    h = await startBotHarness(archive);
    const channelId = '1100000000000000270';
    h.standIn.rateLimitChannel(channelId, { times: 3, retryAfterSeconds: 0.2, kind: 'bucket' });
    const { ids, delivered, refused } = await askAll(channelId);
    expect(refused).toHaveLength(3);
    expect(refused[0]!.response).toMatchObject({ retry_after: 0.2, global: false });
    expect(delivered).toEqual(ids);
  });

  it('429 on a shared (per-channel) limit, with only retry_after: every reply is delivered once, in question order', async () => {
    h = await startBotHarness(archive);
    const channelId = '1100000000000000271';
    h.standIn.rateLimitChannel(channelId, { times: 2, retryAfterSeconds: 0.2, kind: 'shared' });
    const { ids, delivered, refused } = await askAll(channelId);
    expect(refused).toHaveLength(2);
    expect(delivered).toEqual(ids);
  });

  it('a channel waiting out a 429 does not hold up replies in other channels', async () => {
    h = await startBotHarness(archive);
    const slow = '1100000000000000272';
    h.standIn.rateLimitChannel(slow, { times: 1, retryAfterSeconds: 1, kind: 'bucket' });
    const waiting = h.standIn.sendMessage({ content: `<@${h.standIn.bot.id}> ${QUESTIONS[0]}`, channelId: slow });
    await h.standIn.waitFor((r) => isChannelSend(slow)(r) && r.status === 429, 10_000);
    const other = h.standIn.sendMessage({ content: `<@${h.standIn.bot.id}> ${QUESTIONS[1]}`, channelId: '1100000000000000273' });
    const otherReply = await h.standIn.waitFor((r) => r.status === 200 && r.body?.message_reference?.message_id === other.id, 10_000);
    const slowReply = await h.standIn.waitFor((r) => r.status === 200 && r.body?.message_reference?.message_id === waiting.id, 10_000);
    // Order of arrival, not wall-clock: the other channel's reply came while the first still waited.
    expect(h.standIn.requests.indexOf(otherReply)).toBeLessThan(h.standIn.requests.indexOf(slowReply));
  });
});
