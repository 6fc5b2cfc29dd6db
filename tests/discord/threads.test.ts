import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import { openSeedArchive } from '../support/discordSeedArchive.ts';

/** ANSWER_IN_THREAD=true: answers go in a thread under the question; the thread then listens. */
let h: Harness;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const opened = await openSeedArchive();
  cleanup = opened.cleanup;
  h = await startBotHarness(opened.archive, { ANSWER_IN_THREAD: true });
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

it('answers a mention in a new thread, then answers follow-ups in that thread without a mention', async () => {
  const asker = { id: '1100000000000009001', username: 'threader' };
  const sent = h.standIn.sendMessage({ content: `<@${h.standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?`, author: asker });
  const created = await h.standIn.waitFor((r) => r.method === 'POST' && r.route === `/channels/${h.standIn.channels.general}/messages/${sent.id}/threads`);
  expect(created.body.name).toBe('Where did Jaishankar and Lavrov meet in Vientiane?');
  const threadId: string = created.response.id;
  expect(created.response.type).toBe(11);
  const answer = await h.standIn.waitFor((r) => r.method === 'POST' && r.route === `/channels/${threadId}/messages`, 10_000);
  expect(answer.body.content).toContain("Laos' Vientiane on Friday. [1]");
  expect(answer.body.allowed_mentions).toMatchObject({ parse: [] });

  const before = h.standIn.requests.length;
  h.standIn.sendMessage({ content: 'When was that?', author: asker, channelId: threadId, channelType: 11 });
  const followUp = await h.standIn.waitFor((r) => h.standIn.requests.indexOf(r) >= before && r.method === 'POST' && r.route === `/channels/${threadId}/messages`, 10_000);
  // "that" resolves against the thread's first question: the Vientiane meeting and its dates.
  expect(followUp.body.content).toMatch(/^\[1\] Vientiane: External Affairs Minister .* — 2024-07-26$/m);
  expect(followUp.body.content).toContain('July 25-28');
});

