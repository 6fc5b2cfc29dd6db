import { describe, expect, it } from 'vitest';
import { correctSpelling, oneEditAway, type SpellingLookups } from '../../../src/qa/question/correctSpelling.ts';

/**
 * An archive as spelling correction sees it: `uses` is how many chunks use each word (its
 * term), `written` the words its text holds as they are, `words` what the dictionary lists.
 */
function archive(uses: Record<string, number>, options: { words?: string[]; unwritten?: string[] } = {}): SpellingLookups {
  const words = new Set(options.words ?? []);
  const unwritten = new Set(options.unwritten ?? []);
  return {
    frequency: (w) => uses[w] ?? 0,
    isWord: (w) => words.has(w),
    isStopword: (w) => ['the', 'where', 'did', 'about'].includes(w),
    writes: (w) => (uses[w] ?? 0) > 0 && !unwritten.has(w),
  };
}

describe('correctSpelling', () => {
  const news = archive({ jaishankar: 40, lavrov: 35, meet: 50 });

  it('reads a name the archive spells one letter differently as the archive spells it', () => {
    const { text, corrections } = correctSpelling('Where did Jaishanker meet Lavrov?', news);
    expect(text).toBe('Where did Jaishankar meet Lavrov?');
    expect(corrections).toEqual([{ from: 'Jaishanker', to: 'Jaishankar' }]);
  });

  it('mends a letter left out, one added and two swapped, in the case the question wrote', () => {
    expect(correctSpelling('JAISHANKR met LAVROV', news).text).toBe('JAISHANKAR met LAVROV');
    expect(correctSpelling('Lavrrov said', news).text).toBe('Lavrov said');
    expect(correctSpelling('what jaishnakar said', news).text).toBe('what jaishankar said');
  });

  it('leaves a question of known words as it is', () => {
    expect(correctSpelling('Where did Jaishankar meet Lavrov?', news)).toEqual({ text: 'Where did Jaishankar meet Lavrov?', corrections: [] });
  });

  it('leaves a word the dictionary knows, though the archive only has a neighbour of it', () => {
    const lookups = archive({ deliberated: 3 }, { words: ['deliberate'] });
    expect(correctSpelling('How long did they deliberate?', lookups).corrections).toEqual([]);
  });

  it('reads a short lower-case slip as the one dictionary word one edit away the archive uses, and only then', () => {
    const lookups = archive({ people: 30, pupil: 2, many: 9, money: 9, naval: 4 }, { words: ['people', 'pupil', 'many', 'money', 'naval'] });
    expect(correctSpelling('how many peple fled', lookups)).toEqual({ text: 'how many people fled', corrections: [{ from: 'peple', to: 'people' }] });
    // "mony": many and money are both one edit away.
    expect(correctSpelling('how much mony', lookups).corrections).toEqual([]);
    // Capitalised, a short word is likelier a name the archive lacks; typed in lower case, such
    // a name is taken for a slip too (the reply says what it was read as).
    expect(correctSpelling('Who did Nadal beat', lookups).corrections).toEqual([]);
    expect(correctSpelling('who did nadal beat', lookups).text).toBe('who did naval beat');
  });

  it('never corrects a short word with several neighbours, a first letter, or a word glued to a digit', () => {
    const lookups = archive({ seats: 9, serve: 9, boeing: 9, states: 9 });
    expect(correctSpelling('What stats', lookups).corrections).toEqual([]);
    expect(correctSpelling('Which staets', lookups).text).toBe('Which states');
    expect(correctSpelling('What did Herve say?', lookups).corrections).toEqual([]);
    expect(correctSpelling('the 737Boeng order', lookups).corrections).toEqual([]);
  });

  it('tries no edits of a run of letters too long to be a word', () => {
    const lookups = archive({ jaishankar: 40 });
    let asked = 0;
    const counting = { ...lookups, frequency: (w: string) => (asked++, lookups.frequency(w)) };
    expect(correctSpelling('qzx'.repeat(100), counting).corrections).toEqual([]);
    expect(asked).toBe(0);
  });

  it('takes the word a one-off slip in the archive slipped from, and a word used once', () => {
    expect(correctSpelling('the Merceds plant', archive({ mercieds: 1, mercedes: 7 })).text).toBe('the Mercedes plant');
    expect(correctSpelling('Where is Calagry?', archive({ calgary: 1 })).text).toBe('Where is Calgary?');
  });

  it('leaves a slip of a function word alone, though a content word is one edit away too', () => {
    const lookups = { ...archive({ became: 9 }), isStopword: (w: string) => ['because', 'the'].includes(w) };
    expect(correctSpelling('It fell becaue of rain', lookups).corrections).toEqual([]);
  });

  it('prefers the commonest neighbour, then a dictionary word of the same term', () => {
    expect(correctSpelling('the parliment vote', archive({ parliament: 12, parlament: 2 })).text).toBe('the parliament vote');
    // "governent" and "government" share a term (same count): the dictionary word wins.
    const lookups = archive({ governent: 30, government: 30 }, { words: ['government'] });
    expect(correctSpelling('the goverment said', lookups).text).toBe('the government said');
  });

  it('skips a neighbour the archive never writes as such, only shares a term with', () => {
    const lookups = archive({ platyctenida: 20, platyctenids: 5 }, { unwritten: ['platyctenida'] });
    expect(correctSpelling('Where do platyctenidx live?', lookups).text).toBe('Where do platyctenids live?');
    expect(correctSpelling('Where do platyctenidx live?', archive({ platyctenida: 20 }, { unwritten: ['platyctenida'] })).corrections).toEqual([]);
  });
});

describe('oneEditAway', () => {
  it('holds every deletion, swap, change and insertion, and not the word itself', () => {
    const edits = oneEditAway('goa');
    for (const w of ['oa', 'ga', 'go', 'oga', 'gao', 'boa', 'gxa', 'goe', 'agoa', 'gboa', 'goaa', 'goas']) expect(edits.has(w), w).toBe(true);
    expect(edits.has('goa')).toBe(false);
    expect(edits.has('gaoa')).toBe(true);
    expect(edits.has('ago')).toBe(false);
  });
});
