import type { DateRange } from './questionDates.ts';

/**
 * Months a question pins ("in May 2023") and the months a text names: what constraints.ts
 * holds against an article's date and text. Pure.
 */
export interface PinnedMonth {
  /** "2023". */
  year: string;
  /** 1–12. */
  month: number;
  /** The question's date as a range ("May 2023" → 2023-05-01 … 2023-05-31; a day → that day). */
  range: DateRange;
}

const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month as a text writes it: capitalised ("may" is a verb), in full or cut with a full stop ("Sept."). */
const MONTH_WRITTEN = new RegExp(
  `\\b(${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)}\\b|\\.${m === 'September' ? '|t\\.' : ''})`).join('|')})`,
  'g',
);

/**
 * The month a question pins with its year written out ("in May 2023", "on 3 July 2024"). A
 * month without a year recurs every year, and "last May" depends on when the reader asks: as
 * for `missesQuestionDates`, only what the question writes is held against an article. A
 * question that names two months spans or compares them ("between March and June 2020"),
 * and an article of either answers it: it pins none.
 */
export function monthsIn(dates: readonly DateRange[], question: string): PinnedMonth[] {
  if (monthsNamed(question).size > 1) return [];
  const out: PinnedMonth[] = [];
  for (const range of dates) {
    const oneMonth = range.from.slice(0, 7) === range.to.slice(0, 7);
    if (range.yearless || !oneMonth || !/\b\d{4}\b/.test(range.text) || !MONTH_WRITTEN_ONCE.test(range.text)) continue;
    const month = { year: range.from.slice(0, 4), month: Number(range.from.slice(5, 7)), range };
    if (!out.some((m) => m.year === month.year && m.month === month.month)) out.push(month);
  }
  return out;
}

const MONTH_WRITTEN_ONCE = new RegExp(MONTH_WRITTEN.source);

/** The months (1–12) a text names. */
export function monthsNamed(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(MONTH_WRITTEN)) out.add(MONTH_NAMES.findIndex((name) => name.startsWith(m[1]!.slice(0, 3))) + 1);
  return out;
}

/**
 * Whether a text writes the month with its year ("July 3, 2023", "3 July 2023", "Sept. 2023"):
 * what an article of another year must write for that month, since its own "on July 3" is a
 * July of its own year.
 */
export function writesMonthOf(text: string, month: number, year: string): boolean {
  const name = MONTH_NAMES[month - 1]!;
  return new RegExp(`\\b${name.slice(0, 3)}(?:${name.slice(3)}\\b|t?\\.)[^.\\n]{0,12}?\\b${year}\\b`).test(text);
}

/** "May 2023". */
export function describeMonth(m: Pick<PinnedMonth, 'year' | 'month'>): string {
  return `${MONTH_NAMES[m.month - 1]} ${m.year}`;
}

/** The question's words for the month with another month in their place ("May 4, 2023" → "July 4, 2023"), spelled in full. */
export function renameMonth(written: string, month: number): string {
  return written.replace(MONTH_WRITTEN_ONCE, MONTH_NAMES[month - 1]!);
}
