import { describe, expect, it } from 'vitest';
import { placeNames, placesWithin } from '../../src/lexicon/places.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { askedSettings, placePhrases, setInAskedPlace, settingPhrases, storySettingNames, type PlaceLookups } from '../../src/qa/storyPlaces.ts';
import { asker, buildIndex, type FixtureArticle } from '../support/qaFixtures.ts';

const wordnet = new WordNet();
const lookups: PlaceLookups = { placeNames: (p) => placeNames(wordnet, p), placesWithin: (p) => placesWithin(wordnet, p) };

describe('settingPhrases', () => {
  it('reads a place where something happens: after "in" or "at", before a gathering or a kind of place, as a dateline, in apposition', () => {
    expect(settingPhrases('He sat down with Lavrov in the Russian capital', lookups)).toEqual(['russian_capital']);
    expect(settingPhrases("Vientiane: the ministers met in Laos' Vientiane on Friday.", lookups)).toEqual(['vientiane', 'laos', 'vientiane']);
    expect(settingPhrases('Which Laotian city hosted the talks?', lookups)).toEqual(['laotian']);
    expect(settingPhrases('What was agreed at the Goa talks?', lookups)).toEqual(['goa']);
    expect(settingPhrases('They met during the summit in Astana, Kazakhstan, on Wednesday.', lookups)).toEqual(['astana', 'kazakhstan']);
  });

  it('leaves out a place that acts, owns or is only named, and kinds of place in lower case', () => {
    expect(settingPhrases('What had Moscow accused Kyiv of doing?', lookups)).toEqual([]);
    expect(settingPhrases("What did the Indian minister and India's foreign secretary say?", lookups)).toEqual([]);
    expect(settingPhrases('The Russian side agreed on Ukraine and Gaza.', lookups)).toEqual([]);
    expect(settingPhrases('Which city hosted the capital talks?', lookups)).toEqual([]);
    // Named, not set in: every place still counts for a dateline.
    expect(placePhrases('What had Moscow accused Kyiv of doing?', lookups)).toEqual(['moscow']);
  });
});

describe('askedSettings and setInAskedPlace', () => {
  const vientiane = storySettingNames({ dateline: null, lead: 'Vientiane: Jaishankar met Lavrov on the sidelines of ASEAN events on Friday.' }, lookups);
  const goa = storySettingNames({ dateline: null, lead: 'Indian officials said Lavrov arrived for the meeting at a resort in Goa.' }, lookups);
  const moscow = storySettingNames({ dateline: 'Moscow', lead: 'Jaishankar said on Wednesday that the ties with Russia are strong.' }, lookups);

  it('reads where a story is set from its dateline and the settings of its lead, not from the places it mentions', () => {
    expect(moscow.has('moscow')).toBe(true);
    expect(moscow.has('russia')).toBe(false);
    expect(goa.has('goa')).toBe(true);
    expect(goa.has('india')).toBe(false);
  });

  it('finds a place by an adjective of it, by a place inside it, or by another of its names', () => {
    const laotian = askedSettings('Which Laotian city hosted the encounter?', lookups);
    expect(setInAskedPlace(vientiane, laotian)).toBe(true);
    expect(setInAskedPlace(goa, laotian)).toBe(false);
    const capital = askedSettings('What did they say in the Russian capital?', lookups);
    expect(setInAskedPlace(moscow, capital)).toBe(true);
    expect(setInAskedPlace(vientiane, capital)).toBe(false);
  });

  it('asks for no place when the question sets its scene nowhere', () => {
    expect(askedSettings('What did the two ministers discuss?', lookups)).toEqual([]);
    expect(askedSettings('What did the Indian minister say about Russia?', lookups)).toEqual([]);
    expect(setInAskedPlace(goa, [])).toBe(false);
  });
});

describe('ask(): the article set where the question sets its scene', () => {
  // Two meetings of the same ministers on the same day, told alike; only the dateline and lead
  // say where each took place. The Goa article repeats the question's words more often.
  // (Without the preference for the named place, the Goa article is quoted first.)
  const goa: FixtureArticle = {
    id: 'goa',
    title: 'Foreign ministers meet',
    date: '2024-07-26',
    text: [
      'Lavrov arrived for talks with Jaishankar at a beach resort in Goa.',
      'The foreign ministers discussed trade.',
      'The foreign ministers also discussed energy.',
    ].join(' '),
  };
  const vientiane: FixtureArticle = {
    id: 'vientiane',
    title: 'Ministers hold talks',
    date: '2024-07-26',
    text: ['Vientiane: Jaishankar held talks with Lavrov on the sidelines of regional events.', 'The ministers discussed shipping routes through the region.'].join(' '),
  };
  const archive = () => buildIndex([goa, vientiane]);

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

describe('LoadedIndex.storySetting', () => {
  it('reads an article\'s dateline with its lead', () => {
    const article: FixtureArticle = { id: 'moscow', date: '2023-12-27', text: 'Jaishankar said on Wednesday that the ties are strong. Lavrov agreed.' };
    expect(buildIndex([{ ...article, dateline: 'Moscow' }]).storySetting('moscow').has('moscow')).toBe(true);
    expect(buildIndex([article]).storySetting('moscow').size).toBe(0);
  });
});
