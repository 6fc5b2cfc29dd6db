import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { ConversationMemory, isFollowUp, type Turn } from '../../src/qa/question/conversationMemory.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

const turn = (question: string, docIds: string[] = ['a']): Omit<Turn, 'at'> => ({ question, terms: analyzeTerms(question), docIds });

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('ConversationMemory', () => {
  it('keeps at most maxTurns per conversation, the latest ones, oldest first', () => {
    const memory = new ConversationMemory({ maxTurns: 3 });
    for (let i = 1; i <= 5; i++) memory.add('c', turn(`question ${i}`));
    expect(memory.recent('c').map((t) => t.question)).toEqual(['question 3', 'question 4', 'question 5']);
  });

  it('keeps conversations apart', () => {
    const memory = new ConversationMemory();
    memory.add('a', turn('about lighthouses', ['l']));
    memory.add('b', turn('about ferries', ['f']));
    expect(memory.recent('a').map((t) => t.docIds)).toEqual([['l']]);
    expect(memory.recent('b').map((t) => t.docIds)).toEqual([['f']]);
    expect(memory.recent('nobody')).toEqual([]);
  });

  it('evicts the least recently used conversation past maxConversations', () => {
    const memory = new ConversationMemory({ maxConversations: 2 });
    memory.add('a', turn('first'));
    memory.add('b', turn('second'));
    memory.add('a', turn('a again')); // a is now the most recent
    memory.add('c', turn('third')); // evicts b, not a
    expect(memory.size).toBe(2);
    expect(memory.recent('b')).toEqual([]);
    expect(memory.recent('a').map((t) => t.question)).toEqual(['first', 'a again']);
    expect(memory.recent('c').map((t) => t.question)).toEqual(['third']);
  });

  it('ignores turns older than ttlMs (clock injected)', () => {
    const c = clock();
    const memory = new ConversationMemory({ ttlMs: 60_000 }, c.now);
    memory.add('x', turn('old question'));
    c.advance(40_000);
    memory.add('x', turn('newer question'));
    expect(memory.recent('x').map((t) => t.question)).toEqual(['old question', 'newer question']);
    c.advance(30_000); // old is 70 s old, newer 30 s
    expect(memory.recent('x').map((t) => t.question)).toEqual(['newer question']);
    c.advance(31_000);
    expect(memory.recent('x')).toEqual([]);
    // A new turn after expiry starts afresh.
    memory.add('x', turn('fresh question'));
    expect(memory.recent('x').map((t) => t.question)).toEqual(['fresh question']);
  });

  it('stamps turns with the injected clock', () => {
    const c = clock(42);
    const memory = new ConversationMemory({}, c.now);
    memory.add('x', turn('q'));
    expect(memory.recent('x')[0]!.at).toBe(42);
  });

  it('forgets a conversation on request, and only that one', () => {
    const memory = new ConversationMemory();
    memory.add('a', turn('one'));
    memory.add('b', turn('two'));
    memory.forget('a');
    expect(memory.recent('a')).toEqual([]);
    expect(memory.recent('b')).toHaveLength(1);
    expect(memory.size).toBe(1);
    memory.forget('never-seen'); // harmless
    expect(memory.size).toBe(1);
  });
});

describe('isFollowUp', () => {
  const follows = (q: string) => isFollowUp(q, analyzeTerms(q));

  it.each(['When was that?', 'What did they sign there?', 'Who was with him?', 'And in 2023?', 'Why?'])('"%s" leans on the previous turn', (q) => {
    expect(follows(q)).toBe(true);
  });

  it.each([
    'Where did the fisheries ministers of Peru and Chile sign the quota accord?',
    'When did the harbour authority close the Kelvor lighthouse?',
    'What did the Tarnow council decide about the cathedral roof in May?',
  ])('"%s" stands alone', (q) => {
    expect(follows(q)).toBe(false);
  });
});

/** Two unrelated stories, each with its date and place in a sentence of its own. */
const stories = () =>
  buildIndex([
    {
      id: 'lighthouse',
      title: 'Kelvor lighthouse closed',
      date: '2023-10-02',
      text: 'The harbour authority closed the Kelvor lighthouse after a storm cracked its lantern. The closure was announced on 2 October 2023. Repairs will take a year.',
    },
    {
      id: 'ferry',
      title: 'Ostra ferry launched',
      date: '2022-06-15',
      text: 'The Ostra ferry company launched an electric boat for the island route. The launch took place on 15 June 2022. Tickets sold out quickly.',
    },
    { id: 'market', title: 'Market day', date: '2023-01-09', text: 'Farmers brought winter vegetables to the town market. Prices stayed low.' },
  ]);

describe('ask(): follow-ups', () => {
  it('resolves "When was that?" to the previous answer’s article, per conversation', async () => {
    const ask = asker(stories(), { abstainBelow: 0 });
    const light = await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'light' });
    expect(light.sentences[0]!.docId).toBe('lighthouse');
    const ferry = await ask('What did the Ostra ferry company launch for the island route?', { conversationId: 'ferry' });
    expect(ferry.sentences[0]!.docId).toBe('ferry');

    const whenLight = await ask('When was that?', { conversationId: 'light' });
    expect(whenLight.kind).toBe('answer');
    for (const s of whenLight.sentences) expect(s.docId).toBe('lighthouse');
    expect(whenLight.sentences.map((s) => s.text).join(' ')).toContain('2 October 2023');

    const whenFerry = await ask('When was that?', { conversationId: 'ferry' });
    expect(whenFerry.kind).toBe('answer');
    for (const s of whenFerry.sentences) expect(s.docId).toBe('ferry');
    expect(whenFerry.sentences.map((s) => s.text).join(' ')).toContain('15 June 2022');
  });

  it('has nothing to resolve against without a conversation, or in another one', async () => {
    const ask = asker(stories(), { abstainBelow: 0 });
    await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'light' });
    for (const options of [{}, { conversationId: 'someone-else' }]) {
      const alone = await ask('When was that?', options);
      expect(alone.kind).toBe('abstain');
      expect(alone.sentences).toEqual([]);
    }
  });

  it('does not resolve a standalone question against the conversation', async () => {
    const ask = asker(stories(), { abstainBelow: 0 });
    await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'c' });
    const next = await ask('What did the Ostra ferry company launch for the island route?', { conversationId: 'c' });
    expect(next.sentences[0]!.docId).toBe('ferry');
    // ...and the follow-up now follows the latest turn.
    const when = await ask('When was that?', { conversationId: 'c' });
    expect(when.sentences[0]!.docId).toBe('ferry');
  });

  it('forgets a conversation: its follow-ups no longer resolve', async () => {
    const memory = new ConversationMemory();
    const ask = asker(stories(), { abstainBelow: 0 }, memory);
    await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'c' });
    memory.forget('c');
    const when = await ask('When was that?', { conversationId: 'c' });
    expect(when.kind).toBe('abstain');
  });

  it('lets a conversation’s turns expire after the TTL', async () => {
    const c = clock();
    const memory = new ConversationMemory({ ttlMs: 60_000 }, c.now);
    const ask = asker(stories(), { abstainBelow: 0 }, memory);
    await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'c' });
    c.advance(61_000);
    const when = await ask('When was that?', { conversationId: 'c' });
    expect(when.kind).toBe('abstain');
  });

  it('does not remember an abstention as something to follow up on', async () => {
    const memory = new ConversationMemory();
    const ask = asker(stories(), { abstainBelow: 1 }, memory);
    await ask('Why did the harbour authority close the Kelvor lighthouse?', { conversationId: 'c' });
    expect(memory.recent('c')).toEqual([]);
  });
});
