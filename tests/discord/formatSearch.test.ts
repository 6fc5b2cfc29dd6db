import { describe, expect, it } from 'vitest';
import { formatSearch } from '../../src/discord/format/formatSearch.ts';
import type { Passage } from '../../src/qa/types.ts';

const passage: Passage = {
  docId: 'a',
  start: 0,
  end: 40,
  text: 'Jaishankar met Lavrov at a resort in Goa.',
  score: 1,
  source: { n: 0, docId: 'a', title: 'Lavrov in Goa', date: '2023-05-04', outlet: 'PTI', url: null, file: 'seeds/a.txt' },
};

describe('formatSearch', () => {
  it('says which words it read as the archive spells them, beside the passages or their absence', () => {
    const readAs = [{ from: 'Jaishanker', to: 'Jaishankar' }];
    expect(formatSearch('Jaishanker Goa', { passages: [passage], readAs }).split('\n')[0]).toBe('**Passages for “Jaishanker Goa”** Read "Jaishanker" as "Jaishankar".');
    expect(formatSearch('Jaishanker Mars', { passages: [], readAs })).toBe('No passages in the archive match “Jaishanker Mars”. Read "Jaishanker" as "Jaishankar".');
    expect(formatSearch('Goa', { passages: [passage], readAs: [] }).split('\n')[0]).toBe('**Passages for “Goa”**');
  });
});
