import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/splitSentences.ts';

/** The sentences of `text`, as the spans quote them. */
function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it.each([
    ['Dr. S. Jaishankar met Lavrov. They talked.', ['Dr. S. Jaishankar met Lavrov.', 'They talked.']],
    ['Dr S.Jaishankar met him. Then he left.', ['Dr S.Jaishankar met him.', 'Then he left.']],
    ['On Dec. 27 they met. It rained.', ['On Dec. 27 they met.', 'It rained.']],
    ['On Dec. 27 The Hindu reported it. Nobody denied it.', ['On Dec. 27 The Hindu reported it.', 'Nobody denied it.']],
    ['The U.S. said no. Russia agreed.', ['The U.S. said no.', 'Russia agreed.']],
    ['He arrived in Washington, D.C. yesterday and spoke.', ['He arrived in Washington, D.C. yesterday and spoke.']],
    ['It starts at 3.5 p.m. when the doors open. Come early.', ['It starts at 3.5 p.m. when the doors open.', 'Come early.']],
    ['Mr. Smith went to St. Petersburg. He stayed at No. 7 Main St. for a week.', ['Mr. Smith went to St. Petersburg.', 'He stayed at No. 7 Main St. for a week.']],
    ['J. R. R. Tolkien wrote it. Readers loved it.', ['J. R. R. Tolkien wrote it.', 'Readers loved it.']],
    ['It was founded by John F. Kennedy and others. Fine.', ['It was founded by John F. Kennedy and others.', 'Fine.']],
    ['Growth was 3.5 per cent. Next year more.', ['Growth was 3.5 per cent.', 'Next year more.']],
  ])('keeps abbreviations, initials and decimals inside the sentence: %s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('ends a sentence at an initial after a lower-case word or before a sentence starter', () => {
    expect(sentences('Take vitamin C. It helps.')).toEqual(['Take vitamin C.', 'It helps.']);
    expect(sentences('They flew the Saturn V. It was huge.')).toEqual(['They flew the Saturn V.', 'It was huge.']);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(sentences('He said, "Good. Very good." Then he left.')).toEqual(['He said, "Good.', 'Very good."', 'Then he left.']);
    expect(sentences('“Don’t tell anybody,” Lavrov smiled. Next.')).toEqual(['“Don’t tell anybody,” Lavrov smiled.', 'Next.']);
    expect(sentences('She called it "not MS. "')).toEqual(['She called it "not MS. "']);
  });

  it('keeps a mid-sentence ellipsis and splits after one that precedes a capital', () => {
    expect(sentences('Wait... what happened? Nothing.')).toEqual(['Wait... what happened?', 'Nothing.']);
    expect(sentences('They discussed G20 and… He further said so.')).toEqual(['They discussed G20 and…', 'He further said so.']);
  });

  it('breaks at every newline, so headlines and subheads without a full stop stand alone', () => {
    expect(sentences('About SCO Summit\n\nIndia is hosting the SCO. It is the chair.')).toEqual([
      'About SCO Summit',
      'India is hosting the SCO.',
      'It is the chair.',
    ]);
    expect(sentences('Visit of Dr.\nS. Jaishankar')).toEqual(['Visit of Dr.', 'S. Jaishankar']);
  });

  it('returns trimmed spans that quote the text exactly', () => {
    const text = '  First one.   Second one.\n\n   Third  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 26 },
      { start: 31, end: 36 },
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.', 'Third']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});
