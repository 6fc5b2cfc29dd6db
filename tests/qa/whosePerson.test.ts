import { describe, expect, it } from 'vitest';
import { titlesByName } from '../../src/qa/archiveTitles.ts';
import { askedOwnerWords, namesOnlyOthers } from '../../src/qa/whosePerson.ts';
import { placeNames } from '../../src/lexicon/places.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('askedOwnerWords', () => {
  it.each([
    ["Who is China's foreign minister?", ['china']],
    ['Who is the Laotian foreign minister who hosted the meetings?', ['laotian']],
    ['Who represented Pakistan at the meeting in Goa?', ['pakistan']],
    ['Who is the Secretary of Foreign Affairs of the Philippines that Jaishankar thanked?', ['secretary', 'foreign', 'philippines']],
    // A place the question only sets the scene with is not whose person it asks for.
    ['Who did Jaishankar meet in Vientiane?', []],
    ['Who is Jaishankar?', []],
  ])('%s → %j', (question, words) => {
    expect(askedOwnerWords(question)).toEqual(words);
  });
});

describe('namesOnlyOthers', () => {
  const wordnet = new WordNet();
  const sentences = [
    'Russian Foreign Minister Sergey Lavrov arrived in Goa on Thursday.',
    'Lavrov met the Secretary of Foreign Affairs of the Philippines, Enrique Manalo.',
    'The commission is co-chaired by Deputy Prime Minister Denis Manturov.',
    'It was founded by the presidents of Russia, China, the Kyrgyz Republic and Kazakhstan.',
  ];
  const lookups = { titles: titlesByName(sentences), placeNames: (w: string) => placeNames(wordnet, w) };
  const asked = (word: string) => placeNames(wordnet, word);

  it('is a miss when everyone named is of another place, by title or by a place beside the name', () => {
    expect(namesOnlyOthers([sentences[0]!], asked('China'), lookups)).toBe(true);
    // China in a list of founders is no title of Lavrov's, and "Kyrgyz Republic" is a place, not a person.
    expect(namesOnlyOthers([sentences[0]!, sentences[3]!], asked('China'), lookups)).toBe(true);
  });

  it('is no miss when someone named is of the asked place, or of no place the archive says', () => {
    expect(namesOnlyOthers([sentences[0]!], asked('Russia'), lookups)).toBe(false);
    expect(namesOnlyOthers([sentences[1]!], asked('Philippine'), lookups)).toBe(false);
    expect(namesOnlyOthers([sentences[2]!], asked('Russia'), lookups)).toBe(false);
  });

  it('is no miss when nobody is named', () => {
    expect(namesOnlyOthers(['The meeting began on Thursday.'], asked('China'), lookups)).toBe(false);
  });
});

describe('ask(): a person of the asked country', () => {
  const archive = () =>
    buildIndex([
      {
        id: 'goa',
        title: 'Ministers meet in Goa',
        date: '2023-05-04',
        text: [
          'Russian Foreign Minister Sergey Lavrov arrived in Goa on Thursday for the meeting of foreign ministers.',
          'He met his Indian counterpart at a resort.',
        ].join(' '),
      },
      { id: 'trade', title: 'Trade grows', date: '2023-06-01', text: 'Trade between the two countries grew in May. Oil led the rise.' },
    ]);

  it('marks the answer a near miss when it names only another country’s minister', async () => {
    const unnamed = async (question: string) => {
      let seen: { unnamedKind: number } | undefined;
      await asker(archive(), { abstainBelow: 0, inspect: (f) => (seen = f) })(question);
      return seen!.unnamedKind;
    };
    expect(await unnamed("Who is China's foreign minister?")).toBeGreaterThan(0);
    expect(await unnamed("Who is Russia's foreign minister?")).toBe(0);
  });

  it('says the archive does not answer it', async () => {
    const answer = await asker(archive())("Who is China's foreign minister?");
    expect(answer.abstained).toBe(true);
  });
});
