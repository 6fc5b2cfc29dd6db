import { describe, expect, it } from 'vitest';
import { asker, buildIndex } from '../support/qaFixtures.ts';

/**
 * A question asks in the base form what the article reports in an irregular one ("flee" of
 * "fled", "crisis" of "crises"): the analyser's irregular forms (src/analyze/irregularForms.json)
 * make them one term, so the sentence that answers is the one quoted.
 */
describe('answers across irregular forms', () => {
  const index = buildIndex([
    {
      id: 'peru',
      date: '2009-04-08',
      text: [
        'The former president was jailed for 25 years on Tuesday for ordering killings by a death squad.',
        'The former president fled Peru for Japan in November 2000 as his government collapsed.',
        'The former president also faces charges of corruption in a separate trial next month.',
      ].join(' '),
    },
    {
      id: 'banks',
      date: '2011-10-02',
      text: [
        'European leaders met in Brussels on Sunday to discuss the banks.',
        'A strike in Greece and Italy left the banks short of cash for a week.',
        'Two crises in three years left the banks short of capital, the ministers said.',
      ].join(' '),
    },
  ]);
  const ask = asker(index);

  it('quotes "fled" for a question about fleeing', async () => {
    const answer = await ask('Which country did the former president flee to?');
    expect(answer.abstained).toBe(false);
    expect(answer.sentences[0]!.text).toContain('fled Peru for Japan');
  });

  it('quotes "crises" for a question about a crisis', async () => {
    const answer = await ask('What did a crisis leave the banks short of?');
    expect(answer.abstained).toBe(false);
    expect(answer.sentences[0]!.text).toContain('Two crises');
  });
});
