/**
 * What a news URL's path says of when the article appeared, as path segments of their own:
 * `/2011/11/…` (a year and a month without a day, which ingest's `dateInUrl` does not take as
 * a date), `/1999/7/article/…`, `/2019/12/13/…`. What an undated article can be said to report
 * as its year and month (constraints.ts). A year inside a slug ("/2000-fiji-coup"), an article
 * number, the host or the query is none. Pure.
 */
export function yearsInUrl(url: string | null | undefined): string[] {
  return [...new Set([...segmentsOf(url).matchAll(/(?<=\/)((?:19|20)\d{2})(?=\/)/g)].map((m) => m[1]!))];
}

/** The months the path gives after their year: `/2011/11/…` → { year: '2011', month: 11 }. */
export function monthsInUrl(url: string | null | undefined): Array<{ year: string; month: number }> {
  const out: Array<{ year: string; month: number }> = [];
  for (const m of segmentsOf(url).matchAll(/(?<=\/)((?:19|20)\d{2})\/(0?[1-9]|1[0-2])(?=\/)/g)) out.push({ year: m[1]!, month: Number(m[2]) });
  return out;
}

function segmentsOf(url: string | null | undefined): string {
  return (url ?? '').replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
}
