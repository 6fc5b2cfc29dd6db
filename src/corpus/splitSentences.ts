import type { Span } from './types.ts';

/**
 * Intl.Segmenter follows UAX #29: it keeps closing quotes with their sentence, handles
 * decimals, `D.C. yesterday`, `p.m. when` and ellipses, and breaks at every newline. Its one
 * weakness in news text is a split after an abbreviation or initial followed by a capital
 * (`Dr.|S.|Jaishankar`, `St.|Petersburg`, `U.S.|President`, `3:10 a.m.|Sunday`), which the
 * merge pass below undoes.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Titles before a name (`Dr.`, `St.`), as written: case matters (`MS.` is not `Ms.`). */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Mt', 'Ft', 'Rev', 'Hon', 'Gen', 'Col', 'Lt', 'Capt',
  'Cmdr', 'Sgt', 'Maj', 'Gov', 'Sen', 'Rep', 'Pres', 'Supt', 'Insp', 'Fr', 'Messrs', 'Dept',
]);

/** Latin and scholarly shorthands that continue the sentence whatever follows (`e.g. Russia`). */
const SHORTHANDS = new Set(['e.g', 'i.e', 'vs', 'cf', 'viz', 'approx', 'ca']);

/** Abbreviations that only continue the sentence before a number (`Dec. 27`, `No. 7`, `p. 561`). */
const BEFORE_NUMBER = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'Nos', 'no', 'Art', 'Fig', 'Figs', 'fig', 'figs', 'Vol', 'vol', 'p', 'pp', 'Ch', 'ch', 'Sec', 'sec', 'al',
]);

/**
 * Words that start a new sentence far more often than they follow a title or initial: after
 * `Saturn V.` or `Main St.`, `It was…` / `The…` is a new sentence; `John F. Kennedy` is not.
 */
const SENTENCE_STARTERS = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I',
  'His', 'Her', 'Their', 'Our', 'There', 'In', 'On', 'At', 'As', 'For', 'But', 'And', 'However',
  'After', 'When', 'While', 'Although', 'What', 'If', 'So', 'Then', 'Also', 'By', 'With',
  'Neither', 'Nor', 'Both', 'Each', 'All', 'No', 'Some', 'Most', 'Many', 'Such', 'Yet', 'Thus',
  'Because', 'Since', 'Though', 'Despite', 'Among', 'During', 'Before', 'Once', 'Here', 'Now',
  'You', 'Who', 'How', 'Why', 'Where', 'Which', 'Other', 'Another', 'Only', 'Not', 'To', 'From',
]);

/** The word (letters and inner dots) that ends a segment just before its final full stop. */
const LAST_WORD = /(?:^|[\s("'“‘\[])((?:[A-Za-z]\.)*[A-Za-z]+)\.$/;
/** A single capital initial (`S.`) ending a segment. */
const TRAILING_INITIAL = /(?:^|[\s("“‘])[A-Z]\.$/;
/**
 * An abbreviation of dotted parts ending a segment: `U.S.`, `B.J.`, `W.Va.`, and the time of
 * day `a.m.`, `p.m.` (not `Dr.`, not `S.`; not a lower-case shorthand such as `p.i.`).
 */
const DOTTED_ABBREVIATION = /(?:^|[\s("“‘])(?:(?:[A-Z]\.)+[A-Za-z]{1,2}|[ap]\.m)\.$/;
/** A segment that opens with two capitalised words (`Coast Guard photo`: not `Officials said`). */
const NAME_RUN = /^["“‘']?\p{Lu}[\p{L}'’-]*\s+(\p{Lu}\p{L}*)/u;
/** A segment with no letters or digits (a stray closing quote): it belongs to the one before. */
const NO_WORDS = /^[^\p{L}\p{N}]+$/u;

/**
 * Split text into sentence spans. Every newline is a boundary (headlines and subheads have
 * no full stop); spans are trimmed, in order, non-overlapping, and `text.slice(start, end)`
 * is the sentence exactly, so citations can quote it verbatim.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const cases = new WordCases(text);
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd > lineStart) splitLine(text, lineStart, lineEnd, spans, cases);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return spans;
}

function splitLine(text: string, from: number, to: number, out: Span[], cases: WordCases): void {
  const line = text.slice(from, to);
  let current: Span | undefined;
  for (const { segment, index } of segmenter.segment(line)) {
    const span = trimSpan(segment, from + index);
    if (!span) continue;
    if (current && shouldJoin(text.slice(current.start, current.end), text.slice(span.start, span.end), cases)) {
      current.end = span.end;
    } else {
      if (current) splitAtEllipses(text, current, out);
      current = span;
    }
  }
  if (current) splitAtEllipses(text, current, out);
}

/** A `…` followed by a capitalised word starts a new sentence, as Intl already does for `...`. */
const ELLIPSIS_BREAK = /…\s+(?=["“‘']?[A-Z])/g;

function splitAtEllipses(text: string, span: Span, out: Span[]): void {
  const sentence = text.slice(span.start, span.end);
  let start = span.start;
  for (const m of sentence.matchAll(ELLIPSIS_BREAK)) {
    const end = span.start + m.index + 1;
    out.push({ start, end });
    start = span.start + m.index + m[0].length;
  }
  out.push({ start, end: span.end });
}

function trimSpan(segment: string, offset: number): Span | undefined {
  const lead = segment.length - segment.trimStart().length;
  const trimmed = segment.trim();
  if (!trimmed) return undefined;
  return { start: offset + lead, end: offset + lead + trimmed.length };
}

/** Whether the break Intl.Segmenter put between `prev` and `next` falls after an abbreviation. */
function shouldJoin(prev: string, next: string, cases: WordCases): boolean {
  if (NO_WORDS.test(next)) return true;
  const word = LAST_WORD.exec(prev)?.[1];
  if (word === undefined) return false;
  if (SHORTHANDS.has(word)) return true;
  if (BEFORE_NUMBER.has(word) && /^\(?\d/.test(next)) return true;
  const nextWord = /^["“‘']?([\p{L}]+)/u.exec(next)?.[1] ?? '';
  if (SENTENCE_STARTERS.has(nextWord)) return false;
  if (TITLES.has(word)) return true;
  if (!/^\p{Lu}/u.test(nextWord)) return false;
  // A run of capitalised words is a name (`U.S. Coast Guard`), whatever its first word alone.
  if (DOTTED_ABBREVIATION.test(prev)) return opensWithName(next) || !cases.isCommonWord(nextWord);
  return isNameInitial(prev);
}

/** Two capitalised words, the second no sentence starter (`RESULTS We address…` is a heading, then a sentence). */
function opensWithName(next: string): boolean {
  const second = NAME_RUN.exec(next)?.[1];
  return second !== undefined && !SENTENCE_STARTERS.has(second);
}

/**
 * What the text itself says of a capitalised word after a dotted abbreviation (Kiss & Strunk's
 * orthographic evidence, as in Punkt): a word it writes in lower case and never capitalises
 * in mid-sentence is a common word, capitalised here because a sentence starts (`…in the U.S.
 * Officials said`); any other is a name the abbreviation belongs to (`U.S. President George W.
 * Bush`, `the U.S. Coast Guard`, `3:10 a.m. Sunday`, `B.J. Habibie`). Read when first asked.
 */
class WordCases {
  private lower?: Set<string>;
  private capitalisedMid?: Set<string>;
  constructor(private readonly text: string) {}

  isCommonWord(word: string): boolean {
    if (!this.lower || !this.capitalisedMid) {
      this.lower = new Set();
      this.capitalisedMid = new Set();
      for (const m of this.text.matchAll(/(?<=([\p{Ll}\d,;:]\s+|))\p{L}+/gu)) {
        if (/^\p{Ll}+$/u.test(m[0])) this.lower.add(m[0]);
        else if (m[1] && /^\p{Lu}/u.test(m[0])) this.capitalisedMid.add(m[0].toLowerCase());
      }
    }
    const lower = word.toLowerCase();
    return this.lower.has(lower) && !this.capitalisedMid.has(lower);
  }
}

/**
 * `S.` in `Dr. S. Jaishankar`, `J. R. R. Tolkien`, `John F. Kennedy`: a capital initial at the
 * start of a segment or after a capitalised word, initial or title. After a lower-case word
 * (`vitamin C.`) it ends the sentence.
 */
function isNameInitial(prev: string): boolean {
  if (!TRAILING_INITIAL.test(prev)) return false;
  const before = prev.slice(0, -2).trimEnd().split(/\s+/).pop() ?? '';
  return before === '' || /^["“‘'(]?[A-Z]/.test(before);
}
