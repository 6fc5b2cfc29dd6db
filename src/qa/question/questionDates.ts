import * as chrono from 'chrono-node';
import { MONTH_NAME } from './questionWords.ts';

/**
 * Dates named in a question, as ranges an article's date can be compared with. chrono-node
 * reads the phrases ("in May 2023", "on July 3", "last December", "this year"); the rules
 * here turn its certainty flags into ranges:
 * - day, month and year known → that day; month and year → that month; year → that year;
 * - a month (and day) without a year → the same days in any year (`yearless`), except after
 *   "last"/"this"/"next", which anchor it to `now`;
 * - a bare weekday ("on Wednesday") names a day inside some article, not an article date: ignored.
 */
export interface DateRange {
  /** The words in the question that named it. */
  text: string;
  /** Inclusive ISO bounds. For yearless ranges the year part is a placeholder (2000). */
  from: string;
  to: string;
  yearless: boolean;
}

const MONTH_WORD = new RegExp(`\\b(?:${MONTH_NAME})\\b`, 'i');

export function parseQuestionDates(question: string, now: Date = new Date()): DateRange[] {
  const ranges: DateRange[] = [];
  const covered: Array<[number, number]> = [];
  for (const result of chrono.parse(question, now)) {
    const range = toRange(result, question, now);
    if (range) {
      ranges.push(range);
      covered.push([result.index, result.index + result.text.length]);
    }
  }
  // chrono leaves bare years ("in 2023") alone.
  for (const match of question.matchAll(/\b(1[89]\d{2}|20\d{2})\b/g)) {
    const at = match.index ?? 0;
    if (covered.some(([s, e]) => at >= s && at < e)) continue;
    ranges.push({ text: match[0], from: `${match[0]}-01-01`, to: `${match[0]}-12-31`, yearless: false });
  }
  return ranges;
}

function toRange(result: chrono.ParsedResult, question: string, now: Date): DateRange | undefined {
  const c = result.start;
  const before = question.slice(Math.max(0, result.index - 6), result.index).toLowerCase();
  const anchored = /\b(last|this|next|past)\s*$/.test(before) || /^(last|this|next|past)\b/i.test(result.text);
  const year = c.get('year') ?? now.getUTCFullYear();
  const month = c.get('month') ?? undefined;
  const day = c.get('day') ?? undefined;
  const knows = (k: chrono.Component) => c.isCertain(k);

  if (/\b(last|past)\s+(few|\d+|several|couple)/i.test(result.text)) {
    return { text: result.text, from: iso(c.date()), to: iso(now), yearless: false };
  }
  if (result.end) {
    return { text: result.text, from: iso(c.date()), to: iso(result.end.date()), yearless: !knows('year') && !anchored };
  }
  if (knows('day') && knows('month')) {
    if (knows('year')) return day !== undefined && month !== undefined ? single(result.text, year, month, day) : undefined;
    return { ...single(result.text, 2000, month!, day!), yearless: true };
  }
  if (knows('month') || MONTH_WORD.test(result.text)) {
    if (month === undefined) return undefined;
    if (knows('year')) return monthRange(result.text, year, month, false);
    if (anchored) {
      const prefix = /next/i.test(before + result.text) ? 'next' : /this/i.test(before + result.text) ? 'this' : 'last';
      const thisMonth = now.getUTCMonth() + 1;
      const y = prefix === 'last' ? (month < thisMonth ? now.getUTCFullYear() : now.getUTCFullYear() - 1) : prefix === 'next' && month <= thisMonth ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
      return monthRange(result.text, y, month, false);
    }
    return monthRange(result.text, 2000, month, true);
  }
  if (knows('year') && !knows('weekday')) {
    return { text: result.text, from: `${year}-01-01`, to: `${year}-12-31`, yearless: false };
  }
  return undefined;
}

function single(text: string, year: number, month: number, day: number): DateRange {
  const d = `${year}-${pad(month)}-${pad(day)}`;
  return { text, from: d, to: d, yearless: false };
}

/** A whole month as a range: "May 2023" → 2023-05-01 … 2023-05-31. */
export function monthRange(text: string, year: number, month: number, yearless: boolean): DateRange {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { text, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, yearless };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * News is published after the event, and often recalls it weeks later ("during his meeting
 * on July 3…" in an article of July 26): an article this many days after a range still counts.
 */
export const REPORTING_LAG_DAYS = 30;

/**
 * How well an article's date fits the question's dates: 1 inside a range (or just after it,
 * allowing for reporting lag), 0 outside all of them, undefined when the question names no
 * date or the article has none (no opinion either way).
 */
export function dateAffinity(articleDate: string | null, ranges: DateRange[]): number | undefined {
  if (!articleDate || ranges.length === 0) return undefined;
  const year = Number(articleDate.slice(0, 4));
  for (const r of ranges) {
    // A yearless range ("July 3") is tried in the article's year and the year before (for
    // ranges late in a year reported early in the next).
    const candidates = r.yearless ? [year, year - 1].map((y) => [`${y}${r.from.slice(4)}`, `${y}${r.to.slice(4)}`] as const) : [[r.from, r.to] as const];
    for (const [from, to] of candidates) {
      if (articleDate >= from && articleDate <= addDays(to, REPORTING_LAG_DAYS)) return 1;
    }
  }
  return 0;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/**
 * The question names a year ("in March 2022") that the answer does not reach: its article is
 * dated outside every such range and the quoted text names none of their years. Only years
 * written out are judged: "on July 3" recurs every year, and "last July" or "a day before"
 * depend on when the reader asks, which a question about an archive often leaves loose.
 */
export function missesQuestionDates(articleDate: string | null, quoted: string, ranges: DateRange[]): boolean {
  const dated = ranges.filter((r) => !r.yearless && /\b\d{4}\b/.test(r.text));
  if (!articleDate || dated.length === 0) return false;
  if (dateAffinity(articleDate, dated) === 1) return false;
  const years = new Set(dated.flatMap((r) => [r.from.slice(0, 4), r.to.slice(0, 4)]));
  if ([...years].some((y) => new RegExp(`\\b${y}\\b`).test(quoted))) return false;
  // A date the text gives without its year is of the article's time: "the summit in January",
  // written on 27 December 2023, is in January 2024.
  const written = new Date(`${articleDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(written.getTime())) return true;
  return !chrono.parse(quoted, written).some((r) => years.has(String(r.start.get('year'))));
}

/** True when an article passes the `since` / `until` options (undated articles never pass a filter). */
export function withinBounds(articleDate: string | null, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!articleDate) return false;
  return (!since || articleDate >= since) && (!until || articleDate <= until);
}
