/**
 * A date option (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the ISO day `ask()` takes: the first day
 * of the period for `since`, the last for `until`. Undefined when the text is not such a date.
 * Pure.
 */
export function normalizeDate(value: string, edge: 'start' | 'end'): string | undefined {
  const m = value.trim().match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] === undefined ? (edge === 'start' ? 1 : lastDay) : Number(m[3]);
  if (day < 1 || day > lastDay) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
