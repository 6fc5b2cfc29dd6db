import { describe, expect, it } from 'vitest';
import { archiveCasing } from '../../../src/qa/retrieve/archiveCasing.ts';
import { buildIndex } from '../../support/qaFixtures.ts';

describe('archiveCasing: the forms an archive writes a word in', () => {
  const index = buildIndex([
    { id: 'goa', title: 'SCO meeting in Goa', text: 'Resort staff said Jaishankar met Lavrov at a resort in Goa. "Resort" was the word NASA used.' },
    { id: 'beach', title: 'Beach news', text: 'The resort reopened. A second resort opened near the beach, said Lavrov.' },
  ]);
  const casing = archiveCasing(index);

  it('counts each form, leaving out the first word of a sentence or a quote (capitalised whatever it is)', () => {
    expect(casing.forms('resort')).toEqual(new Map([['resort', 3]]));
    expect(casing.forms('lavrov')).toEqual(new Map([['Lavrov', 2]]));
    expect(casing.forms('nasa')).toEqual(new Map([['NASA', 1]]));
  });

  it('finds nothing for a word the archive never writes', () => {
    expect(casing.forms('federer')).toEqual(new Map());
  });
});
