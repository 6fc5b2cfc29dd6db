import { describe, expect, it } from 'vitest';
import { correctSpelling } from '../../../src/qa/question/correctSpelling.ts';
import { archiveSpelling } from '../../../src/qa/retrieve/archiveSpelling.ts';
import { asker, buildIndex } from '../../support/qaFixtures.ts';

describe('archiveSpelling', () => {
  const index = buildIndex([
    { id: 'goa', title: 'SCO meeting in Goa', text: 'Jaishankar met Lavrov in Goa. The ministers discussed trade.' },
    { id: 'moscow', title: 'Talks in Moscow', text: 'Jaishankar held talks in Moscow. The ministers discussed energy.' },
  ]);
  const lookups = archiveSpelling(index);

  it('counts chunks by term, and tells a word the archive writes from another of its term', () => {
    expect(lookups.frequency('jaishankar')).toBe(2);
    expect(lookups.writes('jaishankar')).toBe(true);
    expect(lookups.writes('discussed')).toBe(true);
    // "discusses" shares the term of "discussed", but the archive never writes it.
    expect(lookups.frequency('discusses')).toBe(2);
    expect(lookups.writes('discusses')).toBe(false);
  });

  it('finds a name the archive writes with accents, asked without them or with a slip', async () => {
    const accented = buildIndex([
      { id: 'zurich', title: 'Talks in Zürich', text: 'The ministers met in Zürich on Monday.' },
      { id: 'lake', title: 'Lake Zürich', text: 'Zürich lies on a lake.' },
    ]);
    const answer = await asker(accented, { abstainBelow: 0 })('Where did the ministers meet in Zurich?');
    expect(answer.sentences[0]!.text).toBe('The ministers met in Zürich on Monday.');
    const spelling = archiveSpelling(accented);
    expect(spelling.frequency('zurich')).toBe(2);
    expect(spelling.writes('zurich')).toBe(true);
    expect(correctSpelling('Where is Zurrich?', spelling).text).toBe('Where is Zurich?');
  });

  it('finds the word among many chunks of its term that hold another word of it', () => {
    // "feder" is Federer's term and federal's: the term's best chunks are all Federer's.
    const shared = buildIndex([
      ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id: `tennis-${id}`, title: `Federer wins ${id}`, text: 'Federer beat Nadal. Federer, Federer and Federer again.' })),
      { id: 'fed', title: 'Rates', text: 'The federal budget grew, said a long report on spending and taxes and more.' },
    ]);
    expect(archiveSpelling(shared).writes('federal')).toBe(true);
    expect(correctSpelling('What did the fedearl budget do?', archiveSpelling(shared)).text).toBe('What did the federal budget do?');
  });

  it('reads a slip as the word the archive writes', () => {
    expect(correctSpelling('What did Jaishanker discuss?', lookups).text).toBe('What did Jaishankar discuss?');
    expect(lookups.isWord('discuss')).toBe(true);
  });
});
