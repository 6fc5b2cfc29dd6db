import { describe, expect, it } from 'vitest';
import { placeNames, placesWithin } from '../../src/lexicon/places.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { askedPlaces, leadNamesAskedPlace, leadPlaceNames, placePhrases, type PlaceLookups } from '../../src/qa/storyPlaces.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

const wordnet = new WordNet();
const lookups: PlaceLookups = { placeNames: (p) => placeNames(wordnet, p), placesWithin: (p) => placesWithin(wordnet, p) };

describe('placePhrases', () => {
  it('reads capitalised place names, a two-word name WordNet lists before its words', () => {
    expect(placePhrases('He sat down with Lavrov in the Russian capital', lookups)).toEqual(['russian_capital']);
    expect(placePhrases("Vientiane: the ministers met in Laos' Vientiane on Friday.", lookups)).toEqual(['vientiane', 'laos', 'vientiane']);
    expect(placePhrases('Which Laotian city hosted the talks?', lookups)).toEqual(['laotian']);
  });

  it('leaves out kinds of place in lower case and names that are no place', () => {
    expect(placePhrases('Which city hosted the capital talks?', lookups)).toEqual([]);
    expect(placePhrases('What did Jaishankar and Lavrov sign?', lookups)).toEqual([]);
  });
});

describe('askedPlaces and leadNamesAskedPlace', () => {
  const vientiane = leadPlaceNames(['Vientiane: Jaishankar met Lavrov on the sidelines of ASEAN events on Friday.'], lookups);
  const goa = leadPlaceNames(['Lavrov arrived for the meeting at a resort in Goa.'], lookups);
  const moscow = leadPlaceNames(['Jaishankar held talks with Lavrov in Moscow on Wednesday.'], lookups);

  it('finds a place by an adjective of it, by a place inside it, or by another of its names', () => {
    const laotian = askedPlaces('Which Laotian city hosted the encounter?', lookups);
    expect(leadNamesAskedPlace(vientiane, laotian)).toBe(true);
    expect(leadNamesAskedPlace(goa, laotian)).toBe(false);
    const capital = askedPlaces('What did they say in the Russian capital?', lookups);
    expect(leadNamesAskedPlace(moscow, capital)).toBe(true);
    expect(leadNamesAskedPlace(vientiane, capital)).toBe(false);
  });

  it('asks for no place when the question names none', () => {
    expect(askedPlaces('What did the two ministers discuss?', lookups)).toEqual([]);
    expect(leadNamesAskedPlace(goa, [])).toBe(false);
  });
});

describe('ask(): the article set where the question sets its scene', () => {
  // Two meetings of the same ministers on the same day, told alike; only the dateline and lead
  // say where each took place. The Goa article repeats the question's words more often.
  // (Without the preference for the named place, the Goa article is quoted first.)
  const archive = () =>
    buildIndex([
      {
        id: 'goa',
        title: 'Foreign ministers meet',
        date: '2024-07-26',
        text: [
          'Lavrov arrived for talks with Jaishankar at a beach resort in Goa.',
          'The foreign ministers discussed trade.',
          'The foreign ministers also discussed energy.',
        ].join(' '),
      },
      {
        id: 'vientiane',
        title: 'Ministers hold talks',
        date: '2024-07-26',
        text: [
          'Vientiane: Jaishankar held talks with Lavrov on the sidelines of regional events.',
          'The ministers discussed shipping routes through the region.',
        ].join(' '),
      },
    ]);

  it('quotes the article whose lead names the place, by the adjective of its country', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What did the foreign ministers discuss at the Laotian talks?');
    expect(answer.sentences[0]?.docId).toBe('vientiane');
    expect(answer.sentences[0]?.text).toBe('The ministers discussed shipping routes through the region.');
  });

  it('quotes the other article when the question names its place', async () => {
    const answer = await asker(archive(), { abstainBelow: 0 })('What did the foreign ministers discuss at the Goa talks?');
    expect(answer.sentences[0]?.docId).toBe('goa');
  });
});
