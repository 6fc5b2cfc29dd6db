import { describe, expect, it } from 'vitest';
import type { ConfidenceFeatures } from '../../src/qa/answer/confidence.ts';
import { sameStory, type StoryFacts } from '../../src/qa/sameStory.ts';
import { asker, buildIndex, type FixtureArticle } from '../support/qaFixtures.ts';

const facts = (date: string | null, setting: string[], people: string[]): StoryFacts => ({ date, setting: new Set(setting), people: new Set(people) });
const moscowTalks = facts('2023-12-27', ['moscow'], ['jaishankar', 'lavrov']);

describe('sameStory', () => {
  it('takes reports dated within a day, set in one place and naming someone in common, for one event', () => {
    expect(sameStory(moscowTalks, facts('2023-12-28', ['moscow', 'russian capital'], ['jaishankar']))).toBe(true);
    expect(sameStory(moscowTalks, facts('2023-12-27', ['moscow'], ['lavrov', 'manturov']))).toBe(true);
  });

  it('tells stories apart by their day, their place or their people', () => {
    expect(sameStory(moscowTalks, facts('2023-12-29', ['moscow'], ['jaishankar']))).toBe(false);
    expect(sameStory(moscowTalks, facts('2023-12-27', ['goa'], ['jaishankar']))).toBe(false);
    expect(sameStory(moscowTalks, facts('2023-12-27', ['moscow'], ['putin']))).toBe(false);
  });

  it('never joins articles without a date, a known place or a named person', () => {
    expect(sameStory(moscowTalks, facts(null, ['moscow'], ['jaishankar']))).toBe(false);
    expect(sameStory(facts(null, ['moscow'], ['jaishankar']), facts(null, ['moscow'], ['jaishankar']))).toBe(false);
    expect(sameStory(moscowTalks, facts('2023-12-xx', ['moscow'], ['jaishankar']))).toBe(false);
    expect(sameStory(moscowTalks, facts('2023-12-27', [], ['jaishankar']))).toBe(false);
    expect(sameStory(moscowTalks, facts('2023-12-27', ['moscow'], []))).toBe(false);
  });
});

/** One event told twice (on its day and the next), and another story. */
const archive = (secondReportDate: string) => {
  const articles: FixtureArticle[] = [
    {
      id: 'wire',
      title: 'Ties very strong: Jaishankar as he meets Lavrov',
      date: '2023-12-27',
      dateline: 'Moscow',
      text: [
        'External Affairs Minister S Jaishankar met Foreign Minister Sergey Lavrov in Moscow on Wednesday.',
        'Jaishankar said the ties between India and Russia remained very strong and very steady.',
        'The two sides reviewed trade and energy.',
      ].join(' '),
    },
    {
      id: 'next-day',
      title: 'Jaishankar holds talks with Lavrov',
      date: secondReportDate,
      dateline: 'Moscow',
      text: [
        'Foreign Minister Sergey Lavrov received Jaishankar for talks in Moscow.',
        'A wide-ranging and useful meeting with Lavrov, Jaishankar wrote afterwards.',
        'They also discussed the conflict in Ukraine.',
      ].join(' '),
    },
    {
      id: 'goa',
      title: 'Lavrov in Goa',
      date: '2023-05-04',
      dateline: 'Goa',
      text: 'Foreign Minister Sergey Lavrov met Jaishankar at a resort in Goa. They spoke of the SCO meeting.',
    },
  ];
  return buildIndex(articles);
};

async function askMeasuring(secondReportDate: string) {
  let features: ConfidenceFeatures | undefined;
  const answer = await asker(archive(secondReportDate), { abstainBelow: 0, inspect: (f) => (features = f) })(
    'What did Jaishankar say about the ties when he met Lavrov in Moscow?',
  );
  return { answer, features: features! };
}

describe('LoadedIndex.storyFacts', () => {
  it('reads when, where and who from the date, the dateline and lead, and the title and lead', () => {
    const index = archive('2023-12-28');
    const wire = index.storyFacts('wire');
    expect(wire.date).toBe('2023-12-27');
    expect(wire.setting.has('moscow')).toBe(true);
    expect([...wire.people].sort()).toEqual(['jaishankar', 'lavrov']);
    expect(sameStory(wire, index.storyFacts('next-day'))).toBe(true);
    expect(sameStory(wire, index.storyFacts('goa'))).toBe(false);
  });
});

describe('ask(): another report of the same event', () => {
  it('does not compete with the answer: the margin is taken over another story', async () => {
    const sameEvent = await askMeasuring('2023-12-28');
    const laterVisit = await askMeasuring('2024-02-15');
    for (const { answer } of [sameEvent, laterVisit]) expect(answer.sentences[0]?.text).toContain('very strong and very steady');
    expect(sameEvent.features.margin).toBeGreaterThan(laterVisit.features.margin);
    expect(sameEvent.answer.confidence).toBeGreaterThan(laterVisit.answer.confidence);
  });
});
