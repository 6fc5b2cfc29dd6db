import { describe, expect, it } from 'vitest';
import { askedTopic, speaksOfTopic } from '../../src/qa/askedTopic.ts';
import type { AnswerSettings } from '../../src/qa/answer/answerQuestion.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('askedTopic', () => {
  it.each([
    ['What did Jaishankar say about China during his ASEAN remarks?', ['china']],
    ['What did Jaishankar and Vivian Balakrishnan say about the South China Sea?', ['south', 'china', 'sea']],
    ['What did the commission decide about rupee-rouble trade settlement?', ['rupe', 'roubl', 'trade', 'settlement']],
    // "of" joins one noun phrase; other stopwords end it.
    ['What does Graham Twigg propose about the spread of the disease in Europe?', ['spread', 'diseas']],
    // A pronoun or a figure opens no topic; no "about", no topic.
    ['What did the minister ask Lavrov about his stay in Goa?', []],
    ['Why did about 50 delegates leave?', []],
    ['What did Lavrov say in Goa?', []],
  ])('%s → %j', (question, topic) => {
    expect(askedTopic(question)).toEqual(topic);
  });
});

describe('speaksOfTopic', () => {
  const related = new Map([['laotian', new Map([['lao', 0.6], ['vientian', 0.25]])]]);

  it('is spoken of by one of its words, or by a word standing for one', () => {
    expect(speaksOfTopic(['south', 'china', 'sea'], new Set(['china', 'trade']), related)).toBe(true);
    expect(speaksOfTopic(['laotian'], new Set(['lao', 'talk']), related)).toBe(true);
  });

  it('is not spoken of by a broader or narrower word, nor by none', () => {
    expect(speaksOfTopic(['laotian'], new Set(['vientian']), related)).toBe(false);
    expect(speaksOfTopic(['china'], new Set(['asean', 'prioriti']), related)).toBe(false);
  });

  it('holds for a question that asks about no topic', () => {
    expect(speaksOfTopic([], new Set(), related)).toBe(true);
  });
});

describe('ask(): the topic asked about', () => {
  const archive = () =>
    buildIndex([
      {
        id: 'asean',
        title: 'Jaishankar at ASEAN',
        date: '2024-07-26',
        text: [
          'Jaishankar met ASEAN ministers in Vientiane on Friday.',
          'In his remarks, Jaishankar said that cooperation with ASEAN is of the utmost priority.',
          'The ministers also discussed the war in Ukraine.',
          'Indians are still stuck in the war zone.',
          'Jaishankar said he pressed for their safe and quick return.',
        ].join(' '),
      },
      { id: 'trade', title: 'Trade grows', date: '2024-06-01', text: 'Trade between the two countries grew in May. Oil led the rise.' },
    ]);
  const topicMiss = async (question: string, settings: AnswerSettings = {}) => {
    let seen: { topicMiss: number } | undefined;
    await asker(archive(), { ...settings, abstainBelow: 0, inspect: (f) => (seen = f) })(question);
    return seen!.topicMiss;
  };

  it('is a near miss when the quote and the sentences beside it never speak of the topic', async () => {
    expect(await topicMiss('What did Jaishankar say about China in his remarks?')).toBeGreaterThan(0);
    expect(await topicMiss('What did Jaishankar say about ASEAN in his remarks?')).toBe(0);
  });

  it('finds the topic in the sentence before the quote', async () => {
    const question = 'What did Jaishankar say he pressed for about the Indians?';
    // One sentence quoted, which names the Indians only as "their".
    const oneSentence = { extract: { secondRatio: 2 } };
    const answer = await asker(archive(), { ...oneSentence, abstainBelow: 0 })(question);
    expect(answer.sentences.map((s) => s.text)).toEqual(['Jaishankar said he pressed for their safe and quick return.']);
    expect(await topicMiss(question, oneSentence)).toBe(0);
  });

  it('says the archive does not answer what was said about a topic it never mentions', async () => {
    const answer = await asker(archive())('What did Jaishankar say about China in his remarks?');
    expect(answer.abstained).toBe(true);
  });
});
