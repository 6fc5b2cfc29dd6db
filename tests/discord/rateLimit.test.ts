import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { isReplyTo, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import type { RecordedRequest, SentInteraction } from '../support/discordStandIn.ts';
import { openSeedArchive } from '../support/discordSeedArchive.ts';

/**
 * Fair use with the shipped defaults (RATE_LIMIT_BURST 8, RATE_LIMIT_PER_MINUTE 16) and a clock
 * the test holds still: every question below arrives "at once", the hardest case for a
 * conversation; moving the clock is the only way time passes.
 */
let h: Harness;
let cleanup: () => Promise<void>;
const clock = { now: 1_000_000 };
const defaults = parseConfig({});
const ASK_CHANNEL = '1100000000000000202';
const THREAD = '1100000000000000251';

beforeAll(async () => {
  const opened = await openSeedArchive();
  cleanup = opened.cleanup;
  h = await startBotHarness(
    opened.archive,
    { ASK_CHANNEL_IDS: [ASK_CHANNEL], RATE_LIMIT_BURST: defaults.RATE_LIMIT_BURST, RATE_LIMIT_PER_MINUTE: defaults.RATE_LIMIT_PER_MINUTE },
    { now: () => clock.now },
  );
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

const mention = (text: string) => `<@${h.standIn.bot.id}> ${text}`;
const THROTTLED = /^You're asking faster than I can keep up — please try again in \d+ s\./;
const callbackOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'POST' && r.route === `/interactions/${i.id}/${i.token}/callback`;
const editOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'PATCH' && r.route === `/webhooks/${h.standIn.applicationId}/${i.token}/messages/%40original`;

function slashAsk(question: string, user: { id: string; username: string }) {
  return h.standIn.sendInteraction({ type: 2, name: 'ask', options: [{ name: 'question', type: 3, value: question }], user });
}

/** A reply from another user in `channelId`: replies there go out in order, so once it is in, every earlier one is too. */
async function settle(channelId: string, channelType: 0 | 1 | 11 = 0): Promise<void> {
  const sentinel = h.standIn.sendMessage({ content: mention('hello'), author: { id: '1100000000000008999', username: 'sentinel' }, channelId, channelType });
  await h.standIn.waitFor(isReplyTo(sentinel.id), 10_000);
}

const repliesTo = (ids: string[]) => h.standIn.requests.filter((r) => r.status === 200 && ids.includes(r.body?.message_reference?.message_id));

describe('fair use with the default limits', () => {
  it('answers a conversation of 8 questions from one user across a mention, a follow-up, a DM, a listening channel, a thread and /ask', async () => {
    const user = { id: '1100000000000008001', username: 'curious' };
    const answers: string[] = [];
    const viaMessage = async (content: string, where: { channelId?: string; channelType?: 0 | 1 | 11 } = {}) => {
      const sent = h.standIn.sendMessage({ content, author: user, ...where });
      answers.push(String((await h.standIn.waitFor(isReplyTo(sent.id), 10_000)).body.content));
    };
    await viaMessage(mention('Where did Jaishankar and Lavrov meet in Vientiane?'));
    await viaMessage(mention('When was that?'));
    await viaMessage('Where did Jaishankar meet Lavrov in May 2023?', { channelType: 1 });
    await viaMessage('What did Jaishankar raise about Indian nationals?', { channelId: ASK_CHANNEL });
    await viaMessage(mention('Where did Jaishankar and Lavrov meet in Vientiane?'), { channelId: THREAD, channelType: 11 });
    await viaMessage('What did they discuss?', { channelId: THREAD, channelType: 11 }); // a follow-up in a thread the bot answered in: no mention
    for (const question of ['Where did Jaishankar meet Lavrov in May 2023?', 'What protocol was signed in Moscow?']) {
      const i = slashAsk(question, user);
      answers.push(String((await h.standIn.waitFor(editOf(i), 10_000)).body.content));
    }
    expect(answers).toHaveLength(8);
    for (const a of answers) {
      expect(a).not.toMatch(THROTTLED);
      expect(a).toMatch(/\[1\]/);
    }

    // The ninth at the same moment is over the limit: one notice in the channel...
    const ninth = h.standIn.sendMessage({ content: mention('What did they discuss in Goa?'), author: user });
    const notice = await h.standIn.waitFor(isReplyTo(ninth.id), 10_000);
    expect(notice.body.content).toMatch(THROTTLED);
    expect(notice.body.content).toContain('without saying so again');
    expect(notice.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // ...then silence for the rest of the stretch, wherever they ask...
    const tenth = h.standIn.sendMessage({ content: 'Who met in Astana?', author: user, channelType: 1 });
    await settle(h.standIn.channels.dm, 1);
    expect(repliesTo([tenth.id])).toEqual([]);
    // ...except a command, which Discord requires to be answered: privately.
    const eleventh = slashAsk('Who met in Astana?', user);
    const refused = await h.standIn.waitFor(callbackOf(eleventh), 10_000);
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.flags & 64).toBe(64);
    expect(refused.body.data.content).toMatch(THROTTLED);

    // Time passes (3.75 s brings one question back): answered again.
    clock.now += 3750;
    const later = h.standIn.sendMessage({ content: mention('Where did Jaishankar and Lavrov meet in Vientiane?'), author: user });
    expect(String((await h.standIn.waitFor(isReplyTo(later.id), 10_000)).body.content)).toContain('[1]');
  });

  it('throttles a flood of 30 questions from one user with a single notice, and leaves other users alone', async () => {
    const flooder = { id: '1100000000000008002', username: 'flooder' };
    const channelId = '1100000000000000260';
    const sent = Array.from({ length: 30 }, (_, i) =>
      h.standIn.sendMessage({ content: mention(i % 2 ? 'Where did Jaishankar and Lavrov meet in Vientiane?' : 'What did they discuss?'), author: flooder, channelId }),
    );
    const bystander = h.standIn.sendMessage({ content: mention('Where did Jaishankar meet Lavrov in May 2023?'), author: { id: '1100000000000008003', username: 'bystander' }, channelId });
    expect(String((await h.standIn.waitFor(isReplyTo(bystander.id), 10_000)).body.content)).toContain('Goa');
    await settle(channelId);

    const replies = repliesTo(sent.map((s) => s.id));
    const notices = replies.filter((r) => THROTTLED.test(String(r.body.content)));
    expect(replies.length - notices.length).toBe(8);
    expect(notices).toHaveLength(1);
    // The first eight were answered, in the order asked; the notice answers the ninth.
    expect(replies.map((r) => r.body.message_reference.message_id)).toEqual(sent.slice(0, 9).map((s) => s.id));
  });
});
