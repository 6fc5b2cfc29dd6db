import { describe, expect, it } from 'vitest';
import { asksForLatest } from '../../../src/qa/question/asksForLatest.ts';
import { foreignScript } from '../../../src/qa/question/questionScript.ts';
import { answerQuestion } from '../../../src/qa/answer/answerQuestion.ts';
import { ConversationMemory } from '../../../src/qa/question/conversationMemory.ts';
import { asker, buildIndex } from '../../support/qaFixtures.ts';

const index = () =>
  buildIndex([
    { id: 'old', title: 'Old news', date: '2022-01-10', text: 'The bridge was recently repainted in blue. Work took a month.' },
    { id: 'mid', title: 'Middle news', date: '2023-05-02', text: 'The council met in May. It approved the budget.' },
    { id: 'new', title: 'Newest news', date: '2024-02-20', text: 'The mayor opened a new library. Children read aloud.' },
    { id: 'undated', title: 'Undated note', text: 'A note without a date. It says nothing new.' },
  ]);

describe('asksForLatest', () => {
  it.each(["What's new?", 'whats new', 'Any news today?', 'What is the latest?', 'latest headlines', 'Show me the newest articles'])('"%s" asks for the newest articles', (q) => {
    expect(asksForLatest(q)).toBe(true);
  });

  it.each(["What's new with the Mars rover?", 'What is the latest on the election?', 'What happened in Goa?', 'Who recently met Lavrov?'])('"%s" has a topic', (q) => {
    expect(asksForLatest(q)).toBe(false);
  });
});

describe('ask(): "what\'s new?"', () => {
  it('lists the newest dated articles, newest first, quoting nothing', async () => {
    const answer = await asker(index())("What's new?");
    expect(answer).toMatchObject({ kind: 'latest', abstained: false, sentences: [] });
    expect(answer.sources.map((s) => [s.n, s.docId])).toEqual([
      [1, 'new'],
      [2, 'mid'],
      [3, 'old'],
    ]);
  });

  it('keeps to since/until', async () => {
    const answer = await asker(index())('Any news?', { until: '2023-12-31' });
    expect(answer.sources.map((s) => s.docId)).toEqual(['mid', 'old']);
  });
});

describe('questions in another script', () => {
  it('names the script of a question written mostly outside the Latin alphabet', () => {
    expect(foreignScript('Где встретились министры?')).toBe('Cyrillic');
    expect(foreignScript('जयशंकर लावरोव से कहाँ मिले?')).toBe('Devanagari');
    expect(foreignScript('Where did they meet Лавров?')).toBeUndefined();
    expect(foreignScript('Où se sont-ils rencontrés ?')).toBeUndefined();
  });

  it('ask() says the archive is searched in English instead of abstaining', async () => {
    const answer = await asker(index())('Где встретились министры?');
    expect(answer).toMatchObject({ kind: 'invalid', abstained: true, sentences: [], sources: [] });
    expect(answer.answer).toMatch(/English.*Cyrillic/);
  });
});

describe('findSources: a claim, not a question', () => {
  it('quotes the sentences that support a claim, and says when nothing does', async () => {
    const idx = index();
    const archive = { findSources: (claim: string) => answerQuestion(idx, new ConversationMemory(), claim, {}, {}, 'claim') };
    const found = await archive.findSources('The mayor opened a new library');
    expect(found.kind).toBe('answer');
    expect(found.sentences[0]!.docId).toBe('new');
    const none = await archive.findSources('Aliens landed on the town hall roof last night');
    expect(none.kind).toBe('abstain');
    expect(none.answer).toMatch(/Nothing in the archive supports this/);
    // A claim is never small talk.
    expect((await archive.findSources('thanks')).kind).not.toBe('smalltalk');
  });
});
