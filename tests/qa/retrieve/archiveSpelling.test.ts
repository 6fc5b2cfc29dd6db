import { describe, expect, it } from 'vitest';
import { correctSpelling } from '../../../src/qa/question/correctSpelling.ts';
import { archiveSpelling } from '../../../src/qa/retrieve/archiveSpelling.ts';
import { buildIndex } from '../../support/qaFixtures.ts';

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

  it('reads a slip as the word the archive writes', () => {
    expect(correctSpelling('What did Jaishanker discuss?', lookups).text).toBe('What did Jaishankar discuss?');
    expect(lookups.isWord('discuss')).toBe(true);
  });
});
