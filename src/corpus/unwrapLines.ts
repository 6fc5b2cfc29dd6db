/**
 * Plain-text wire copy and e-mailed newsletters are often hard-wrapped: a sentence runs over
 * lines of about 65 characters ("Toyota's net\nprofit fell 5.4 percent"). Every newline is a
 * sentence boundary to the splitter (a headline or subhead has no full stop), so a wrapped
 * paragraph would be quoted line by line, its answer cut from its subject. A paragraph that
 * shows the marks of a wrap has its wrapped newlines turned into spaces; any other is left
 * exactly as it was. Pure.
 */

/** Wrap widths seen in practice run from about 60 to 80 characters; one-line paragraphs run longer. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 100;
/** A line this close to the paragraph's longest is full: the wrap, not the writer, ended it. */
const FULL_SHARE = 0.75;
/** A line ending a sentence, a quotation or a bracket. */
const ENDS_SENTENCE = /[.!?…:;]["'”’)\]]*$/;
/** A line that goes on from the last: it starts in lower case, with a digit, a quote, a bracket or a currency. */
const CONTINUES = /^[\p{Ll}\d(“"'‘$£€]/u;
/** A list item starts a line of its own, however full the line before it. */
const LIST_ITEM = /^(?:[-*•–]\s|\d{1,2}[.)]\s)/;

export function unwrapLines(paragraph: string): string {
  const lines = paragraph.split('\n');
  if (lines.length < 3) return paragraph;
  const width = Math.max(...lines.map((l) => l.length));
  if (width < MIN_WIDTH || width > MAX_WIDTH) return paragraph;
  const inner = lines.slice(0, -1);
  const full = (line: string) => line.length >= FULL_SHARE * width;
  const open = inner.filter((line) => !ENDS_SENTENCE.test(line)).length;
  const runsOn = inner.some((line, i) => !ENDS_SENTENCE.test(line) && /^\p{Ll}/u.test(lines[i + 1]!));
  // Most lines full, many ending mid-sentence, and one at least going on in lower case.
  if (inner.filter(full).length < 0.6 * inner.length || open < 0.3 * inner.length || !runsOn) return paragraph;
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const wrapped = !LIST_ITEM.test(lines[i]!) && (full(previous) || (!ENDS_SENTENCE.test(previous) && CONTINUES.test(lines[i]!)));
    out += (wrapped ? ' ' : '\n') + lines[i];
  }
  return out;
}
