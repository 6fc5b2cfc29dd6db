import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { askedKindNouns, kindNaming } from '../../src/qa/namedKind.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('askedKindNouns: the head', () => {
  it.each([
    ['What was the name of the luxury resort in Goa?', 'resort'],
    ['What is the name of the Kremlin spokesperson who called the visit important?', 'spokesperson'],
    ['Which Laotian city hosted the encounter?', 'city'],
    ['Which Russian Deputy Prime Minister did Jaishankar meet?', 'minister'],
    ['Which SCO body dealing with security does India want?', 'body'],
    ['Which business summit in India did he attend?', 'summit'],
    ['Who met Lavrov?', undefined],
    ['Which of the ministers spoke first?', undefined],
  ])('%s → %s', (question, kind) => {
    expect(askedKindNouns(question).at(-1)).toBe(kind);
  });
});

describe('askedKindNouns', () => {
  it.each([
    ['Which resort state known for its beaches hosted the talks?', ['resort', 'state']],
    ['Which Laotian city hosted the encounter?', ['city']],
    ['What was the name of the fund setup to help the community?', ['fund', 'setup']],
    ['Who met Lavrov?', []],
  ])('%s → %j', (question, nouns) => {
    expect(askedKindNouns(question)).toEqual(nouns);
  });
});

describe('kindNaming', () => {
  const q = (text: string) => new Set(analyzeTerms(text));
  it('a capitalised word next to the kind, not from the question, names it', () => {
    expect(kindNaming('They met at the Taj Exotica resort in Goa.', 'resort', q('Which resort in Goa?'))).toBe('named');
    expect(kindNaming('Deals on the Kudankulam nuclear power plant were signed.', 'plant', q('Which plant?'))).toBe('named');
    expect(kindNaming('He met Deputy Prime Minister Manturov.', 'minister', q('Which deputy prime minister?'))).toBe('named');
  });

  it('the kind without a name of its own is unnamed; a name from the question does not count', () => {
    expect(kindNaming('They met at a luxury beach resort in Goa on Thursday.', 'resort', q('What is the name of the resort in Goa?'))).toBe('unnamed');
    expect(kindNaming('A Kremlin spokesperson called the visit important.', 'spokesperson', q('Which Kremlin spokesperson?'))).toBe('unnamed');
  });

  it('a figure next to the kind names it too', () => {
    expect(kindNaming('The committee created the 50 fund for grants.', 'fund', q('What was the name of the fund?'))).toBe('named');
  });

  it('any common noun of the kind’s phrase may carry the name: a "resort state" is named by "a resort in Goa"', () => {
    const question = q('Which resort state known for its beaches hosted the talks?');
    expect(kindNaming('They met at a resort in Goa.', ['resort', 'state'], question)).toBe('named');
    expect(kindNaming('They met at a resort in Goa.', 'state', question)).toBe('absent');
  });

  it('only the noun counts, not a verb with the same stem', () => {
    expect(kindNaming('The embassy stated that talks went well.', 'state', q('Which state?'))).toBe('absent');
    expect(kindNaming('Both states signed.', 'state', q('Which state?'))).toBe('unnamed');
  });
});

describe('ask(): a thing of the asked kind that the archive never names', () => {
  /** Two articles; the Goa one speaks of the resort as `resort` says it. */
  const index = (resort: string) =>
    buildIndex([
      { id: 'goa', title: 'Ministers meet in Goa', text: `Lavrov met Jaishankar at ${resort} in Goa on Thursday. The two ministers discussed trade.` },
      { id: 'moscow', title: 'Talks in Moscow', text: 'Jaishankar visited Moscow in December. He met Lavrov for talks on energy.' },
    ]);

  it('is a miss that lowers the confidence; naming the resort lifts it', async () => {
    const question = 'What is the name of the luxury resort in Goa where Lavrov met Jaishankar?';
    let seen: { unnamedKind: number } | undefined;
    const unnamed = await asker(index('a luxury beach resort'), { abstainBelow: 0, inspect: (f) => (seen = f) })(question);
    expect(unnamed.sentences[0]!.docId).toBe('goa');
    expect(seen!.unnamedKind).toBe(1);

    const answered = await asker(index('the Taj Exotica resort'), { abstainBelow: 0, inspect: (f) => (seen = f) })(question);
    expect(seen!.unnamedKind).toBe(0);
    expect(answered.confidence).toBeGreaterThan(unnamed.confidence);
  });
});
