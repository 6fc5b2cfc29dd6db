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

  it.each([
    ['The European Union has warned U.S. President George W. Bush to act. The EU agreed.', ['The European Union has warned U.S. President George W. Bush to act.', 'The EU agreed.']],
    ['It derailed at 3:10 a.m. Sunday, jolting passengers. Nobody died.', ['It derailed at 3:10 a.m. Sunday, jolting passengers.', 'Nobody died.']],
    ['Web posted at: 2:19 p.m. EST (1919 GMT)', ['Web posted at: 2:19 p.m. EST (1919 GMT)']],
    ['His ally, B.J. Habibie, was sworn in. Crowds cheered.', ['His ally, B.J. Habibie, was sworn in.', 'Crowds cheered.']],
    ['Explosion in Tallmansville, W.Va. Kills 12', ['Explosion in Tallmansville, W.Va. Kills 12']],
    // "coast" is a common word in this text, but "Coast Guard" is a run of capitalised words: a name.
    ['The spill was found by the U.S. Coast Guard, the lead agency. The coast was clear.', ['The spill was found by the U.S. Coast Guard, the lead agency.', 'The coast was clear.']],
  ])('keeps a dotted abbreviation with the name or time that follows it: %s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('ends a sentence at a dotted abbreviation before a word the text writes in lower case, or a sentence starter', () => {
    expect(sentences('It sold well in the U.S. Officials said the officials were pleased.')).toEqual(['It sold well in the U.S.', 'Officials said the officials were pleased.']);
    expect(sentences('It goes on sale in the U.S. The price is $199.')).toEqual(['It goes on sale in the U.S.', 'The price is $199.']);
    expect(sentences('Levels fell by day 30 p.i. Neither fever nor swelling was seen.')).toEqual(['Levels fell by day 30 p.i.', 'Neither fever nor swelling was seen.']);
    // "Officials" capitalised after a lower-case word elsewhere: the text treats it as a name.
    expect(sentences('She met Officials of the bank in the U.S. Officials agreed.')).toEqual(['She met Officials of the bank in the U.S. Officials agreed.']);
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
