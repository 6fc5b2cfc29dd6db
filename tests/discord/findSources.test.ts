import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CLAIM_MESSAGE } from '../../src/discord/format/politeMessages.ts';
import { allowedMentionsOf, isMessageWrite, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import type { RecordedRequest, SentInteraction, TargetMessage } from '../support/discordStandIn.ts';
import { collapse, openSeedArchive, quotedSentences, seedTexts } from '../support/discordSeedArchive.ts';

/** "Find sources" (right-click a message → Apps) with the real bot over the seed archive. */
let h: Harness;
let seeds: string[];
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const opened = await openSeedArchive();
  cleanup = opened.cleanup;
  seeds = await seedTexts();
  h = await startBotHarness(opened.archive);
});
afterAll(async () => {
  await h?.close();
  await cleanup?.();
});

const callbackOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'POST' && r.route === `/interactions/${i.id}/${i.token}/callback`;
const editOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'PATCH' && r.route === `/webhooks/${h.standIn.applicationId}/${i.token}/messages/%40original`;

function findSources(target: TargetMessage, extra: { dm?: boolean } = {}) {
  return h.standIn.sendInteraction({ type: 2, commandType: 3, name: 'Find sources', target, ...extra });
}

/** The deferral (must be ephemeral) and the finished reply. */
async function result(target: TargetMessage) {
  const i = findSources(target);
  const ack = await h.standIn.waitFor(callbackOf(i), 10_000);
  const edit = await h.standIn.waitFor(editOf(i), 10_000);
  return { ack, content: String(edit.body.content), edit };
}

describe('Find sources', () => {
  it('quotes the seed sentences that support a claim the archive covers, cited, privately', async () => {
    const { ack, content, edit } = await result({ content: '**Lavrov and Jaishankar** met in Vientiane on the sidelines of ASEAN <@1100000000000004444>' });
    expect(ack.body.type).toBe(5);
    expect(ack.body.data.flags & 64).toBe(64);
    expect(content.split('\n')[0]).toMatch(/^-# Sources for: “.*Lavrov and Jaishankar.* met in Vientiane/);
    expect(content).toContain("External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the sidelines of ASEAN events in Laos' Vientiane on Friday. [1]");
    expect(content).toMatch(/^\[1\] Vientiane: .* — 2024-07-26$/m);
    const quotes = quotedSentences(content);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(seeds.some((s) => s.includes(collapse(q)))).toBe(true);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('says the archive has nothing on a claim it does not cover, and names the closest articles', async () => {
    const { ack, content } = await result({ content: 'The Eiffel Tower was painted green in 2020.' });
    expect(ack.body.data.flags & 64).toBe(64);
    expect(content).toMatch(/^Nothing in the archive supports this/m);
    expect(content).toContain('**Closest articles**');
    expect(quotedSentences(content)).toEqual([]);
  });

  it('explains, privately and without asking the archive, that a message without words has nothing to check', async () => {
    for (const target of [
      { content: '', attachments: [{ id: '1100000000000004001', filename: 'chart.png', size: 1000, url: 'https://cdn.example/chart.png' }] },
      { content: '<@1100000000000004444> <:party:1100000000000004002> **' },
    ]) {
      const i = findSources(target);
      const reply = await h.standIn.waitFor(callbackOf(i), 10_000);
      expect(reply.body.type).toBe(4);
      expect(reply.body.data.flags & 64).toBe(64);
      expect(reply.body.data.content).toBe(EMPTY_CLAIM_MESSAGE);
      expect(reply.body.data.allowed_mentions).toMatchObject({ parse: [] });
    }
  });

  it('works on a message in a DM', async () => {
    const i = findSources({ content: 'Jaishankar met Lavrov at a resort in Goa' }, { dm: true });
    const edit = await h.standIn.waitFor(editOf(i), 10_000);
    expect(String(edit.body.content)).toMatch(/in Goa\. \[1\]/);
  });

  it('sent every message with allowed_mentions parse: [] and used only routes Discord has', () => {
    const writes = h.standIn.requests.filter(isMessageWrite);
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const w of writes) expect(allowedMentionsOf(w), `${w.method} ${w.route}`).toMatchObject({ parse: [] });
    expect(h.standIn.requests.filter((r) => r.status === 404)).toEqual([]);
  });
});
