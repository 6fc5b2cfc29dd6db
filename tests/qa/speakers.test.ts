import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/qa/extract/extractAnswer.ts';
import { askedSpeaker, attributeSpeakers, quotationRuns } from '../../src/qa/speakers.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('askedSpeaker', () => {
  it.each([
    ['What did Lavrov say about the relations?', ['lavrov'], [], true],
    ['How did a Kremlin spokesperson characterize the visit?', ['kremlin', 'spokesperson'], [], true],
    ["How did Putin's spokesman describe the trip?", ['spokesman'], ['putin'], true],
    ["What did Russia's foreign minister say about trade?", ['foreign', 'minist'], ['russia'], true],
    ["What was Lavrov's view on Gaza?", ['lavrov'], [], true],
    ['According to Jaishankar, what guides foreign policy?', ['jaishankar'], [], false],
  ])('%s → %j, owned by %j (their words: %s)', (question, terms, owners, words) => {
    expect(askedSpeaker(question)).toEqual({ terms, owners, words });
  });

  it.each(['What did they say?', 'What did Jaishankar and Lavrov sign?', 'Where did they meet?'])('%s → nobody', (question) => {
    expect(askedSpeaker(question)).toBeUndefined();
  });
});

describe('attributeSpeakers', () => {
  it('reads the subject of a speech verb, skipping clauses that say where or when', () => {
    const [a, b, c] = attributeSpeakers([
      'On his part, Lavrov said the relations are very good.',
      'Jaishankar, who is on a five-day visit to Russia, in his opening remarks said that trade grew.',
      'After the meeting, the Indian Foreign Minister, at a briefing along with Lavrov said that talks went well.',
    ]);
    expect(a).toEqual(['lavrov']);
    expect(b).toEqual(['jaishankar']);
    expect(c).not.toContain('lavrov');
  });

  it('leaves out when and where the subject spoke ("Jaishankar on Wednesday said"): the name stays last', () => {
    const [a, b] = attributeSpeakers([
      'External Affairs Minister S Jaishankar on Wednesday said that the ties are strong.',
      'The Russian Embassy in India stated that the talks went well.',
    ]);
    // Name last: the titles the archive gives the name are found by it (withArchiveTitles).
    expect(a).toEqual(['extern', 'affair', 'minist', 'jaishankar']);
    expect(b).toEqual(['russian', 'embassi']);
  });

  it('reads a speaker named after the quotation', () => {
    expect(attributeSpeakers(['“It is very important,” said Kremlin spokesperson Dmitry Peskov.'])[0]).toEqual(['kremlin', 'spokesperson', 'dmitri', 'peskov']);
  });

  it('resolves "he" to the speaker of a sentence before, and attributes a quotation over several sentences as a whole', () => {
    const out = attributeSpeakers([
      'Jaishankar said the two sides met often.',
      '"Our relations have been very strong.',
      'This year we have already met six times," he said.',
      'Lavrov said the ties are long.',
    ]);
    expect(out.slice(0, 3)).toEqual([['jaishankar'], ['jaishankar'], ['jaishankar']]);
    expect(out[3]).toEqual(['lavrov']);
  });

  it('does not take a capitalised word that only opens a sentence for whom "he" stands', () => {
    const out = attributeSpeakers(['Exchanged views on Gaza and Ukraine.', 'He further said that trade grew.']);
    expect(out[1]).toEqual([]);
  });

  it('lets a title given with a name stand for the name ("the Indian Foreign Minister" is Jaishankar)', () => {
    const out = attributeSpeakers([
      'Indian Foreign Minister Subrahmanyam Jaishankar held talks on Wednesday.',
      'After the meeting, the Indian Foreign Minister said that both sides had a good session.',
    ]);
    expect(out[1]).toContain('jaishankar');
  });

  it('lets a name stand for the titles the article gave it ("Lavrov" is the Russian Foreign Minister)', () => {
    const out = attributeSpeakers([
      'Russian Foreign Minister Sergey Lavrov arrived on Thursday.',
      'Lavrov said the talks went well.',
    ]);
    expect(out[1]).toEqual(expect.arrayContaining(['russian', 'foreign', 'minist', 'lavrov']));
  });
});

describe('quotationRuns', () => {
  it('groups the sentences of one quotation, with curly and straight marks mixed', () => {
    expect(quotationRuns(['“Don’t tell anybody," Lavrov smiled.', '“One.', 'Two.', 'Three,” he said.', 'After.'])).toEqual([[0], [1, 2, 3], [4]]);
  });
});

/** Both ministers speak of the relations; only one of them is Lavrov. */
const remarks = () =>
  buildIndex([
    {
      id: 'moscow',
      title: 'Ministers meet in Moscow',
      text: [
        'Jaishankar said after meeting Lavrov that the relations between India and Russia are very strong and very steady.',
        'The two ministers discussed trade and energy at length.',
        'On his part, Lavrov said the relations between India and Russia are very long and very good.',
      ].join(' '),
    },
    { id: 'goa', title: 'Talks in Goa', text: 'The ministers met in Goa in May. Trade was on the agenda.' },
  ]);

describe('ask(): reported speech', () => {
  it('answers "What did Lavrov say" with Lavrov’s words, not Jaishankar’s on the same subject', async () => {
    const question = 'What did Lavrov say about the relations between India and Russia?';
    const withSpeaker = await asker(remarks(), { abstainBelow: 0 })(question);
    expect(withSpeaker.sentences[0]!.text).toContain('very long and very good');
    const without = await asker(remarks(), { abstainBelow: 0, extract: { weights: { ...DEFAULT_EXTRACT_OPTIONS.weights, speaker: 0 } } })(question);
    expect(without.sentences[0]!.text).toContain('very strong');
  });

  it('lowers the confidence when nobody quoted is the speaker asked about', async () => {
    const features = async (question: string) => {
      let seen: { speakerMiss: number } | undefined;
      await asker(remarks(), { abstainBelow: 0, inspect: (f) => (seen = f) })(question);
      return seen!;
    };
    expect((await features('What did Putin say about the relations between India and Russia?')).speakerMiss).toBe(1);
    expect((await features('What did Lavrov say about the relations between India and Russia?')).speakerMiss).toBe(0);
  });
});

describe('ask(): whose minister', () => {
  /** Both foreign ministers speak of trade; the question's place says which one is asked about. */
  const ministers = () =>
    buildIndex([
      {
        id: 'talks',
        title: 'Ministers meet',
        text: [
          'Indian Foreign Minister Subrahmanyam Jaishankar and Russian Foreign Minister Sergey Lavrov met on Monday.',
          'The meeting lasted two hours.',
          'Jaishankar said the trade between the two countries is growing fast.',
          'Both delegations then had lunch.',
          'Lavrov said the trade between the two countries must be balanced.',
        ].join(' '),
      },
      { id: 'other', title: 'Other news', text: 'The summit ended on Friday. Trade was on the agenda.' },
    ]);

  it('reads a place that owns the speaker as part of who it is: Russia’s foreign minister is Lavrov, India’s Jaishankar', async () => {
    const ask = asker(ministers(), { abstainBelow: 0 });
    const quoted = async (question: string) => (await ask(question)).sentences.map((s) => s.text).join(' ');
    const russia = await quoted("What did Russia's foreign minister say about the trade between the two countries?");
    expect(russia).toContain('balanced');
    expect(russia).not.toContain('growing fast');
    const india = await quoted("What did India's foreign minister say about the trade between the two countries?");
    expect(india).toContain('growing fast');
    expect(india).not.toContain('balanced');
  });
});

describe('ask(): one person, titled differently by different outlets', () => {
  /** One outlet calls him the External Affairs Minister, another the Indian Foreign Minister. */
  const outlets = () =>
    buildIndex([
      {
        id: 'moscow',
        title: 'Minister in Moscow',
        text: [
          'External Affairs Minister S Jaishankar arrived in Moscow on Monday.',
          'The delegation toured the city in the afternoon.',
          'Jaishankar said the energy partnership with Russia is steady and growing.',
        ].join(' '),
      },
      { id: 'goa', title: 'Talks in Goa', text: 'Indian Foreign Minister Subrahmanyam Jaishankar hosted talks in Goa in May. Trade was on the agenda.' },
    ]);

  it('finds the words of "India’s foreign minister" in the article that calls him the External Affairs Minister', async () => {
    let seen: { speakerMiss: number } | undefined;
    const answer = await asker(outlets(), { abstainBelow: 0, inspect: (f) => (seen = f) })("What did India's foreign minister say about the energy partnership with Russia?");
    expect(answer.sentences[0]!.text).toContain('steady and growing');
    expect(seen!.speakerMiss).toBe(0);
  });
});
