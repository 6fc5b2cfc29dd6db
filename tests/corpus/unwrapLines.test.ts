import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/corpus/cleanArticle.ts';
import { splitSentences } from '../../src/corpus/splitSentences.ts';
import { unwrapLines } from '../../src/corpus/unwrapLines.ts';

/** Reuters wire copy as it is mailed: wrapped at about 65 characters, a paragraph a sentence or two. */
const WIRE = [
  "TOKYO May 8 Japan's Toyota Motor Corp",
  'forecast a 2.4 percent drop in net profit for the year to March',
  '2015, below analyst estimates, as the foreign exchange movements',
  'that last year helped lift it to a record profit have now turned',
  'against it.',
  "For the fourth quarter that ended in March, Toyota's net",
  'profit fell 5.4 percent to 297.0 billion yen, well below the',
  'average analyst forecast of 352.9 billion yen.',
  '($1 = 101.7150 Japanese Yen)',
].join('\n');

describe('unwrapLines', () => {
  it('joins the lines a wrap broke, and keeps the newlines that end a paragraph or stand alone', () => {
    expect(unwrapLines(WIRE)).toBe(
      [
        "TOKYO May 8 Japan's Toyota Motor Corp forecast a 2.4 percent drop in net profit for the year to March 2015, below analyst estimates, as the foreign exchange movements that last year helped lift it to a record profit have now turned against it.",
        "For the fourth quarter that ended in March, Toyota's net profit fell 5.4 percent to 297.0 billion yen, well below the average analyst forecast of 352.9 billion yen.",
        '($1 = 101.7150 Japanese Yen)',
      ].join('\n'),
    );
  });

  it('keeps a list item on a line of its own inside a wrapped paragraph', () => {
    const listed = `${WIRE}\n- Sales rose 3 percent in North America and fell in Europe and Asia\n- Shares closed down 1.2 percent in Tokyo`;
    expect(unwrapLines(listed).split('\n').slice(-2)).toEqual(['- Sales rose 3 percent in North America and fell in Europe and Asia', '- Shares closed down 1.2 percent in Tokyo']);
  });

  it('leaves alone a paragraph a line each, a list of short lines, and two lines', () => {
    const onePerLine = [
      'The central bank raised its main rate by a quarter point on Thursday, the first rise since the financial crisis began a decade earlier.',
      'Markets had expected the move for weeks, and the pound barely moved when it came shortly after noon in London.',
      'Economists said more rises were likely next year.',
    ].join('\n');
    const headlines = ['Mud, rubble yield victims', 'Searchers find scenes of horror', 'Mitch death toll tops 1,500', 'Thousands missing; land is ravaged'].join('\n');
    const two = 'A wrapped sentence of a little more than forty characters that\ngoes on here.';
    for (const paragraph of [onePerLine, headlines, two]) expect(unwrapLines(paragraph)).toBe(paragraph);
  });

  it('lets a hard-wrapped article be quoted a whole sentence at a time', () => {
    const article = cleanArticle({ id: 'toyota', file: 'toyota.txt', body: `Toyota Motor results\n\n${WIRE}\n` });
    const sentences = splitSentences(article.text).map((s) => article.text.slice(s.start, s.end));
    expect(sentences).toContain("For the fourth quarter that ended in March, Toyota's net profit fell 5.4 percent to 297.0 billion yen, well below the average analyst forecast of 352.9 billion yen.");
    expect(article.title).toBe('Toyota Motor results');
  });
});
