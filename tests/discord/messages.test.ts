import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGE } from '../../src/discord/format/politeMessages.ts';
import { allowedMentionsOf, isMessageWrite, isReplyTo, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import { collapse, openSeedArchive, quotedSentences, seedTexts, withFailingAsk } from '../support/discordSeedArchive.ts';

/** The real bot over the real seed archive, listening to one ask channel. */
let h: Harness;
let seeds: string[];
let cleanup: () => Promise<void>;
const archive = { current: undefined as ReturnType<typeof withFailingAsk> | undefined };
const mention = (text: string) => `<@${h.standIn.bot.id}> ${text}`;
const user = (n: number) => ({ id: String(1100000000000005000n + BigInt(n)), username: `user${n}` });
const VIENTIANE = "External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the sidelines of ASEAN events in Laos' Vientiane on Friday.";

beforeAll(async () => {
  const opened = await openSeedArchive();
  cleanup = opened.cleanup;
  archive.current = withFailingAsk(opened.archive);
  seeds = await seedTexts();
  h = await startBotHarness(archive.current, { ASK_CHANNEL_IDS: ['1100000000000000202'] });
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

async function ask(content: string, options: Parameters<Harness['standIn']['sendMessage']>[0] extends infer O ? Partial<O> : never = {}) {
  const sent = h.standIn.sendMessage({ content, ...options });
  const reply = await h.standIn.waitFor(isReplyTo(sent.id), 10_000);
  return String(reply.body.content);
}

describe('messages', () => {
  it('answers a mention with a verbatim seed sentence, its [1] marker and the source title and date', async () => {
    const content = await ask(mention('Where did Jaishankar and Lavrov meet in Vientiane?'), { author: user(1) });
    expect(content).toContain(VIENTIANE);
    expect(content).toMatch(/Vientiane on Friday\. \[1\]/);
    expect(content).toContain('**Sources**');
    expect(content).toMatch(/\[1\] Vientiane: External Affairs Minister S Jaishankar met his Russian counterpart .* — 2024-07-26/);
    const quotes = quotedSentences(content);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(seeds.some((s) => s.includes(collapse(q)))).toBe(true);
  });

  it('asks the archive with the bot mention stripped', async () => {
    const content = await ask(mention('hello'), { author: user(2) });
    expect(content).toMatch(/^Hello! Ask me a question about the news archive/);
  });

  it('answers a mention with no words (only punctuation) with the plain "ask in words" message, no closest articles, no buttons', async () => {
    const sent = h.standIn.sendMessage({ content: mention('?!'), author: user(20) });
    const reply = await h.standIn.waitFor(isReplyTo(sent.id), 10_000);
    expect(String(reply.body.content)).toMatch(/^Please ask a question in words/);
    expect(String(reply.body.content)).not.toMatch(/Closest articles|does not answer/);
    expect(reply.body.components ?? []).toEqual([]);
  });

  it('never pings: @everyone, users and roles in a question leave allowed_mentions.parse empty on every write', async () => {
    const sent = h.standIn.sendMessage({
      content: mention('@everyone <@123456789012345678> <@&456456456456456456> Where did Jaishankar and Lavrov meet in Vientiane?'),
      author: user(3),
      mentionEveryone: true,
      mentions: [{ id: '123456789012345678', username: 'someone' }],
      mentionRoles: ['456456456456456456'],
    });
    const reply = await h.standIn.waitFor(isReplyTo(sent.id), 10_000);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(String(reply.body.content)).toContain(VIENTIANE);
    const writes = h.standIn.requests.filter(isMessageWrite);
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(allowedMentionsOf(w)).toMatchObject({ parse: [] });
  });

  it('abstains on a question the archive does not cover, listing the closest articles', async () => {
    const content = await ask(mention('What is the capital of Brazil?'), { author: user(4) });
    expect(content).toMatch(/^The archive does not answer this/);
    expect(content).toContain('**Closest articles**');
    expect(content).not.toContain('> ');
  });

  it('says why it abstains, and shows an answer’s note in small print under the quotes', async () => {
    const nepal = await ask(mention('How many people died in the Nepal earthquake?'), { author: user(4) });
    expect(nepal).toMatch(/^The archive does not answer this\. It never mentions Nepal\./);
    const misspelt = await ask(mention('Where did Jaishanker and Lavrov meet in Vientiane?'), { author: user(4) });
    expect(misspelt).toMatch(/^> /);
    expect(misspelt).toMatch(/\[1\]\n-# Read "Jaishanker" as "Jaishankar"\.\n\n\*\*Sources\*\*\n/);
  });

  it('resolves a follow-up against the same channel’s previous question (conversationId = channel id)', async () => {
    const channelId = '1100000000000000204'; // uncached guild channel: arrives as a partial
    const first = await ask(mention('Where did Jaishankar and Lavrov meet in Vientiane?'), { author: user(5), channelId });
    expect(first).toMatch(/^\[1\] Vientiane: .* — 2024-07-26$/m);
    const followUp = await ask(mention('When was that?'), { author: user(5), channelId });
    expect(followUp).toMatch(/^\[1\] Vientiane: .* — 2024-07-26$/m);
    expect(followUp).toContain('July 25-28');
    // The same words in a fresh channel have nothing to lean on.
    const alone = await ask(mention('When was that?'), { author: user(5), channelId: '1100000000000000205' });
    expect(alone).not.toContain('July 25-28');
  });

  it('resolves the issue’s follow-up: "Where did Jaishankar meet Lavrov in May 2023?" then "What did they discuss there?"', async () => {
    const channelId = '1100000000000000206';
    const first = await ask(mention('Where did Jaishankar meet Lavrov in May 2023?'), { author: user(11), channelId });
    expect(first).toContain('Goa');
    expect(first).toMatch(/^\[1\] .* — 2023-05-04$/m);
    const followUp = await ask(mention('What did they discuss there?'), { author: user(11), channelId });
    expect(followUp).toMatch(/^\[1\] .* — 2023-05-04$/m);
  });

  it('answers a DM', async () => {
    const content = await ask('Where did Jaishankar and Lavrov meet in Vientiane?', { author: user(6), channelType: 1, channelId: '1100000000000000399' });
    expect(content).toContain(VIENTIANE);
  });

  it('answers any message in an ASK_CHANNEL_IDS channel, without a mention', async () => {
    const content = await ask('Where did Jaishankar and Lavrov meet in Vientiane?', { author: user(7), channelId: h.standIn.channels.askChannel });
    expect(content).toContain(VIENTIANE);
  });

  it('ignores a message in another channel without a mention, and messages from bots', async () => {
    const before = h.standIn.requests.length;
    const quiet = h.standIn.sendMessage({ content: 'Where did Jaishankar and Lavrov meet in Vientiane?', author: user(8), channelId: h.standIn.channels.other });
    const bot = h.standIn.sendMessage({ content: mention('Where did they meet?'), author: { ...user(9), bot: true } });
    // A later mention is answered; by then the earlier two would have been too.
    await ask(mention('hello'), { author: user(8) });
    const replies = h.standIn.requests.slice(before).filter((r) => r.body?.message_reference);
    expect(replies.map((r) => r.body.message_reference.message_id)).not.toContain(quiet.id);
    expect(replies.map((r) => r.body.message_reference.message_id)).not.toContain(bot.id);
  });

  it('answers an error with a short message and keeps serving', async () => {
    archive.current!.failNextAsk();
    const failed = await ask(mention('Where did Jaishankar and Lavrov meet in Vientiane?'), { author: user(10) });
    expect(failed).toBe(ERROR_MESSAGE);
    const next = await ask(mention('Where did Jaishankar and Lavrov meet in Vientiane?'), { author: user(10) });
    expect(next).toContain(VIENTIANE);
  });

  it('asks for the Message Content intent because it listens to a channel, and no other privileged intent', () => {
    const intents = Number(h.standIn.identifies[0].intents);
    expect(intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages | GatewayIntentBits.MessageContent,
    );
  });
});
