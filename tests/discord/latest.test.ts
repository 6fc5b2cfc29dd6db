import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSource, type SourceFacts } from '../../src/discord/format/describeSource.ts';
import { openArchive } from '../../src/qa/openArchive.ts';
import { isReplyTo, startBotHarness, type Harness } from '../support/discordBotHarness.ts';
import type { RecordedRequest, SentInteraction } from '../support/discordStandIn.ts';

/**
 * "What's new?" and `/sources` over a real news archive with dates spread over 25 years: the
 * 50 articles of tests/fixtures/news-dev (hashed embedder, built into a temp dir).
 */
const CORPUS = join(import.meta.dirname, '../fixtures/news-dev/corpus');
let h: Harness;
let dir: string;
let newest: readonly SourceFacts[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archivist-latest-'));
  const archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: CORPUS, embedder: 'hashed' });
  newest = archive.listArticles();
  h = await startBotHarness(archive);
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const callbackOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'POST' && r.route === `/interactions/${i.id}/${i.token}/callback`;
const editOf = (i: SentInteraction) => (r: RecordedRequest) => r.method === 'PATCH' && r.route === `/webhooks/${h.standIn.applicationId}/${i.token}/messages/%40original`;
const datesIn = (content: string) => [...content.matchAll(/ — (\d{4}-\d\d-\d\d)$/gm)].map((m) => m[1]!);
const isNonIncreasing = (dates: string[]) => dates.every((d, i) => i === 0 || d <= dates[i - 1]!);

/** The numbered list a "what's new" reply must be: the newest articles with title, outlet and date, in order. */
function expectNewestList(content: string) {
  const lines = content.split('\n');
  expect(lines[0]).toBe('**The newest articles in the archive**');
  const items = lines.filter((l) => /^\d+\. /.test(l));
  expect(items.length).toBeGreaterThanOrEqual(3);
  items.forEach((line, i) => expect(line).toBe(`${i + 1}. ${describeSource(newest[i]!)}`));
  expect(items[0]).toMatch(/^1\. \[American economy added 254,000 jobs in September\]\(<https:.*>\) — Breitbart — 2024-10-04$/);
  expect(isNonIncreasing(datesIn(content))).toBe(true);
  expect(content).not.toMatch(/^> /m);
}

describe('what’s new', () => {
  it('answers a mention of "What’s new?" with the newest articles, newest first, and no buttons', async () => {
    const sent = h.standIn.sendMessage({ content: `<@${h.standIn.bot.id}> What's new?` });
    const reply = await h.standIn.waitFor(isReplyTo(sent.id), 10_000);
    expectNewestList(String(reply.body.content));
    expect(reply.body.components ?? []).toEqual([]);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers /ask "what’s the latest?" the same way', async () => {
    const i = h.standIn.sendInteraction({ type: 2, name: 'ask', options: [{ name: 'question', type: 3, value: "what's the latest?" }] });
    expectNewestList(String((await h.standIn.waitFor(editOf(i), 10_000)).body.content));
  });
});

describe('/sources', () => {
  it('lists the 50 articles newest first, ten a page, continuing in order on the next page', async () => {
    const i = h.standIn.sendInteraction({ type: 2, name: 'sources' });
    const first = await h.standIn.waitFor(callbackOf(i));
    const page1: string = first.body.data.content;
    expect(page1).toMatch(/^\*\*Articles in the archive\*\* \(50; page 1 of 5\)/);
    const dates1 = datesIn(page1);
    expect(dates1).toHaveLength(10);
    expect(dates1[0]).toBe('2024-10-04');
    expect(isNonIncreasing(dates1)).toBe(true);

    const older = first.body.data.components[0].components.find((c: any) => c.label === 'Older ▶');
    const press = h.standIn.sendInteraction({ type: 3, customId: older.custom_id, message: { id: '1100000000000004100', channel_id: h.standIn.channels.general } });
    const second = await h.standIn.waitFor(callbackOf(press));
    expect(second.body.type).toBe(7);
    const dates2 = datesIn(second.body.data.content);
    expect(second.body.data.content).toMatch(/page 2 of 5/);
    expect(isNonIncreasing([...dates1, ...dates2])).toBe(true);
  });
});
