import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { answerTypeOf } from '../../src/qa/question/analyzeQuestion.ts';
import { titlesByName } from '../../src/qa/archiveTitles.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { scoreSentences } from '../../src/qa/extract/extractAnswer.ts';
import { retrieveChunks } from '../../src/qa/retrieve/retrieveChunks.ts';
import { countTerms } from '../../src/store/lexicalIndex.ts';
import { namesAnotherPerson, peopleIn, personNames } from '../../src/qa/namedPeople.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

const SENTENCES = [
  'Russian Foreign Minister Sergey Lavrov arrived in Moscow on Monday.',
  'Jaishankar met Deputy Prime Minister Denis Manturov on Tuesday.',
  'Kremlin Spokesperson Dmitry Peskov called the visit important.',
  'The Regional Anti-Terrorist Structure met in Tashkent.',
  'Tamil Nadu hosts the Kudankulam plant.',
  'External Affairs Minister S Jaishankar spoke to reporters.',
  'The deal was signed with Russian Gazprom.',
];

describe('personNames', () => {
  // Stand-ins for WordNet: which title words are roles, which names are common nouns.
  const roles = new Set(['minister', 'spokesperson', 'deputy', 'anti-terrorist', 'terrorist']);
  const lookups = { isPersonWord: (w: string) => roles.has(w.toLowerCase()), isCommonNoun: (w: string) => w === 'structure' };

  it('are the names the archive titles with a word for a person', () => {
    const names = personNames(titlesByName(SENTENCES), lookups);
    expect([...names].sort()).toEqual(['jaishankar', 'lavrov', 'manturov', 'peskov']);
  });

  it('leave out a name that is a common noun, whatever its title', () => {
    const names = personNames(titlesByName(SENTENCES), { ...lookups, isCommonNoun: () => false });
    expect(names.has('structur')).toBe(true);
    expect(personNames(titlesByName(SENTENCES), lookups).has('structur')).toBe(false);
  });

  it('read WordNet in a loaded index: roles count, where someone is from does not', () => {
    const index = buildIndex([{ id: 'a', text: SENTENCES.join(' ') }]);
    const names = index.personNames();
    for (const name of ['jaishankar', 'lavrov', 'manturov', 'peskov']) expect(names.has(name)).toBe(true);
    // "Structure" is a common noun; "Tamil" in "Tamil Nadu" and "Russian" in "Russian Gazprom"
    // say where, not who.
    expect(names.has('structur')).toBe(false);
    expect(names.has('nadu')).toBe(false);
    expect(names.has('gazprom')).toBe(false);
  });
});

describe('personNames without WordNet', () => {
  it('are none, and questions are still answered', async () => {
    const index = buildIndex([{ id: 'a', title: 'Talks', text: SENTENCES.join(' ') }], { lexicon: new WordNet('/nonexistent/wordnet') });
    expect(index.personNames().size).toBe(0);
    const answer = await asker(index, { abstainBelow: 0 })('What did Jaishankar and Lavrov sign?');
    expect(answer.sentences.length).toBeGreaterThan(0);
    expect(index.lexiconProblem()).toMatch(/ENOENT/);
  });
});

describe('peopleIn', () => {
  const people = new Set(['jaishankar', 'lavrov', 'manturov']);
  it('finds the capitalised names of people, possessives included', () => {
    expect([...peopleIn("Lavrov's talks with Jaishankar", people)].sort()).toEqual(['jaishankar', 'lavrov']);
    expect([...peopleIn('The talks in Moscow', people)]).toEqual([]);
  });
});

describe('namesAnotherPerson', () => {
  const people = new Set(['jaishankar', 'lavrov', 'manturov']);
  const asked = new Set(['jaishankar', 'lavrov']);
  it.each([
    ['Jaishankar and Manturov witnessed the signing of agreements.', true],
    ['Jaishankar and Lavrov signed a protocol.', false],
    ['Jaishankar, Lavrov and Manturov met.', false],
    ['Signed Protocol on Consultations for the period 2024-28.', false],
    // "his" may stand for one of the two left out, not for both.
    ['Manturov signed it with his counterpart.', true],
    ['Lavrov and Manturov signed it, he said.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(namesAnotherPerson(asked, sentence, people)).toBe(expected);
  });

  it('takes "he" for the one person a sentence leaves unnamed', () => {
    const luther = new Set(['luther', 'martin']);
    expect(namesAnotherPerson(new Set(['luther']), 'He was baptized on the feast day of Saint Martin.', luther)).toBe(false);
    expect(namesAnotherPerson(new Set(['luther']), 'The feast day of Saint Martin fell that week.', luther)).toBe(true);
  });

  it('is never true when the question names nobody', () => {
    expect(namesAnotherPerson(new Set(), 'Manturov signed the agreements.', people)).toBe(false);
  });
});

describe('ask(): another person in place of one asked about', () => {
  const archive = () =>
    buildIndex([
      {
        id: 'talks',
        title: 'Talks in Moscow',
        date: '2023-12-27',
        text: [
          'Foreign Minister Sergey Lavrov hosted the talks in Moscow this week.',
          'Jaishankar and Deputy Prime Minister Denis Manturov signed agreements on nuclear power on Tuesday.',
          'Jaishankar and the Russian side signed a protocol on consultations on Wednesday.',
        ].join(' '),
      },
      { id: 'trade', title: 'Trade grows', date: '2023-06-01', text: 'Trade between the two countries grew in May. Oil led the rise.' },
    ]);

  it('does not quote first what someone else signed with one of the asked people', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What did Jaishankar and Lavrov sign?');
    expect(answer.sentences[0]?.text).toContain('protocol on consultations');
  });

  it('quotes it when the question names its people', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What did Jaishankar and Manturov sign?');
    expect(answer.sentences[0]?.text).toContain('nuclear power');
  });
});

describe('ask(): a "who" question', () => {
  it('may be answered by someone it does not name, in place of one it does', async () => {
    const index = buildIndex([
      {
        id: 'return',
        title: 'The return',
        text: [
          'Professor Martin Luther returned to Wittenberg in March.',
          'The elector read what Luther wrote praising the return.',
          'Councillor Jerome Schurf wrote to the elector praising the return.',
        ].join(' '),
      },
      { id: 'trade', title: 'Trade grows', text: 'Trade between the two countries grew in May. Oil led the rise.' },
    ]);
    const answer = await asker(index, { abstainBelow: 0 })('Who wrote to the elector praising the return of Luther?');
    expect(answer.sentences[0]?.text).toContain('Schurf');
  });
});

describe('scoreSentences: the window beside another person', () => {
  it('takes no words from a neighbour that names someone else in place of an asked person', () => {
    const index = buildIndex([
      {
        id: 'visit',
        title: 'Visit',
        text: [
          'Foreign Minister Sergey Lavrov greeted the guests.',
          'Jaishankar and Deputy Prime Minister Denis Manturov signed agreements on nuclear power.',
          'Relations were described as very good.',
        ].join(' '),
      },
    ]);
    const window = (question: string) => {
      const terms = countTerms(analyzeTerms(question));
      const chunks = retrieveChunks(index, terms, new Float32Array(index.embedder.dims));
      const scored = scoreSentences(index, { text: question, weights: terms, ordered: analyzeTerms(question), answerType: answerTypeOf(question) }, chunks);
      return scored.find((s) => s.text.startsWith('Relations'))!.features.window;
    };
    // Asked of Lavrov, the Manturov sentence is another meeting: its "signed" is not lent.
    expect(window('What did Jaishankar and Lavrov sign?')).toBe(0);
    // Asked of Manturov, it is the same meeting.
    expect(window('What did Jaishankar and Manturov sign?')).toBeGreaterThan(0);
  });
});
