import { describe, expect, it } from 'vitest';
import { runWords, titlesByName, withArchiveTitles } from '../../src/qa/archiveTitles.ts';

describe('titlesByName', () => {
  const titles = titlesByName([
    'External Affairs Minister S Jaishankar met Lavrov. The minister said the visit went well.',
    'Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign Minister Sergey Lavrov.',
  ]);

  it('gathers every title a name is given across articles', () => {
    expect(titles.get('jaishankar')!.terms).toEqual(expect.arrayContaining(['extern', 'affair', 'minist', 'indian', 'foreign']));
    expect(titles.get('jaishankar')!.words).toEqual(expect.arrayContaining(['external', 'indian', 'foreign']));
    expect(withArchiveTitles(['extern', 'affair', 'minist', 'jaishankar'], titles)).toEqual(expect.arrayContaining(['indian', 'foreign', 'jaishankar']));
  });

  it('reads no title across a line break, nor the stopword a sentence opens with', () => {
    const read = titlesByName(['Talks with President Vladimir Putin\nJaishankar left.', 'During Jaishankar’s visit, trade grew.']);
    expect(read.get('jaishankar')).toBeUndefined();
    expect(runWords('During Jaishankar’s')).toEqual(['jaishankar']);
  });

  it('takes no word the archive writes in lower case for a name ("minister")', () => {
    expect(titles.has('minist')).toBe(false);
    expect(withArchiveTitles(['minist'], titles)).toEqual(['minist']);
  });
});

