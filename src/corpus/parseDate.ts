const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');

/**
 * Read a calendar date at the start of `value` (`2024-07-26`, `Dec 27 2023`, `27 December
 * 2023`, `July 17, 2024`) as ISO `YYYY-MM-DD`. Strict on purpose: a loose parser turns
 * "Friday" into some date, and a wrong date is worse than none. Null when not a real date.
 */
export function parseDate(value: string): string | null {
  const text = value.trim();
  let m = ISO.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  return null;
}

/** ISO string for a day that exists in the calendar (no 31 February), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < 1800 || year > 2200) return null;
  return d.toISOString().slice(0, 10);
}

/** 1–12 for a month's name or its first three letters ("Sept", "dec"), 0 for anything else. */
export function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().slice(0, 3)] ?? 0;
}
