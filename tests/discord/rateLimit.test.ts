import { afterAll, beforeAll, expect, it } from 'vitest';
import { isReplyTo, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import { openSeedArchive } from '../support/discordSeedArchive.ts';

/** A bot with a small bucket: 2 questions at once, 1 more per minute. */
let h: Harness;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const opened = await openSeedArchive();
  cleanup = opened.cleanup;
  h = await startBotHarness(opened.archive, { RATE_LIMIT_BURST: 2, RATE_LIMIT_PER_MINUTE: 1 });
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

const question = () => `<@${h.standIn.bot.id}> Where did Jaishankar and Lavrov meet in Vientiane?`;

it('answers a burst, then politely asks the same user to wait; other users are unaffected', async () => {
  const asker = { id: '1100000000000008001', username: 'eager' };
  const sent = [1, 2, 3].map(() => h.standIn.sendMessage({ content: question(), author: asker }));
  const replies = await Promise.all(sent.map((s) => h.standIn.waitFor(isReplyTo(s.id), 10_000)));
  const contents = replies.map((r) => String(r.body.content));
  expect(contents.filter((c) => c.includes('[1]'))).toHaveLength(2);
  const limited = contents.filter((c) => !c.includes('[1]'));
  expect(limited).toHaveLength(1);
  expect(limited[0]).toMatch(/^You're asking faster than I can keep up — please try again in \d+ s\.$/);

  const other = h.standIn.sendMessage({ content: question(), author: { id: '1100000000000008002', username: 'patient' } });
  expect(String((await h.standIn.waitFor(isReplyTo(other.id), 10_000)).body.content)).toContain('[1]');
});

it('limits /ask too, with a private reply and no deferral', async () => {
  const user = { id: '1100000000000008003', username: 'slasher' };
  const ask = () =>
    h.standIn.sendInteraction({ type: 2, name: 'ask', options: [{ name: 'question', type: 3, value: 'Where did Jaishankar and Lavrov meet in Vientiane?' }], user });
  const interactions = [ask(), ask(), ask()];
  const callbacks = await Promise.all(
    interactions.map((i) => h.standIn.waitFor((r) => r.route === `/interactions/${i.id}/${i.token}/callback`, 10_000)),
  );
  const limited = callbacks.filter((c) => c.body.type === 4);
  expect(callbacks.filter((c) => c.body.type === 5)).toHaveLength(2);
  expect(limited).toHaveLength(1);
  expect(limited[0]!.body.data.flags & 64).toBe(64);
  expect(limited[0]!.body.data.content).toMatch(/^You're asking faster than I can keep up/);
});
