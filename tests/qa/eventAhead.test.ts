import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { DEFAULT_CONFIDENCE_MODEL } from '../../src/qa/answer/confidence.ts';
import { asksWhatHappened, speaksOfItAsAhead } from '../../src/qa/eventAhead.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('asksWhatHappened / speaksOfItAsAhead', () => {
  it.each([
    ['What agreements did Modi and Putin sign at their summit?', true],
    ['Where was the summit held?', true],
    ['What is expected at the upcoming summit?', false],
    ['What will they sign at the summit?', false],
    ['Who leads the delegation?', false],
  ])('%s → asks what happened: %s', (question, expected) => {
    expect(asksWhatHappened(question)).toBe(expected);
  });

  const terms = new Set(analyzeTerms('What did they sign at the summit during the visit?'));
  it('finds the question’s event qualified as still ahead', () => {
    expect(speaksOfItAsAhead("Days before Modi's anticipated visit to Moscow.", terms)).toBe(true);
    expect(speaksOfItAsAhead('Ahead of the upcoming bilateral summit, officials met.', terms)).toBe(true);
  });
  it('not an event that took place, nor an ahead-word about something else', () => {
    expect(speaksOfItAsAhead('During the visit, they signed two agreements.', terms)).toBe(false);
    expect(speaksOfItAsAhead('Growth is expected to slow, the summit heard.', terms)).toBe(false);
  });
});

describe('ask(): a preview does not say what happened', () => {
  const index = () =>
    buildIndex([
      {
        id: 'preview',
        title: 'Ministers meet before the summit',
        text: "The ministers met days before Modi's anticipated visit to Moscow for a summit with Putin. They discussed trade.",
      },
      { id: 'goa', title: 'Talks in Goa', text: 'Lavrov met Jaishankar in Goa in May. Trade was on the agenda.' },
    ]);

  it('abstains when asked what was signed at the summit the article only anticipates', async () => {
    let seen: { eventAhead: number } | undefined;
    const asked = await asker(index(), { inspect: (f) => (seen = f) })('What did Modi and Putin sign at their summit in Moscow?');
    expect(seen!.eventAhead).toBe(1);
    expect(asked.kind).toBe('abstain');
    // Without the cue, the same preview is quoted as the answer.
    const model = { ...DEFAULT_CONFIDENCE_MODEL, eventAhead: 0 };
    const withoutCue = await asker(index(), { confidence: model })('What did Modi and Putin sign at their summit in Moscow?');
    expect(withoutCue.kind).toBe('answer');
  });

  it('still answers a question about the visit that is coming', async () => {
    let seen: { eventAhead: number } | undefined;
    await asker(index(), { abstainBelow: 0, inspect: (f) => (seen = f) })('When is Modi expected to visit Moscow for the summit?');
    expect(seen!.eventAhead).toBe(0);
  });
});
