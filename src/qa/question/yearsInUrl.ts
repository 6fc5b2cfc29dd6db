/**
 * The years a news URL's path gives as a path segment of their own: `/2011/11/…` (a month
 * without a day, which ingest's `dateInUrl` does not take as a date), `/1999/7/article/…`,
 * `/2019/12/13/…`. What an article can be said to report as its year when nothing else dates
 * it (constraints.ts). A year inside a slug ("/2000-fiji-coup"), an article number, the host
 * or the query is not one. Pure.
 */
export function yearsInUrl(url: string | null | undefined): string[] {
  if (!url) return [];
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const years = [...path.matchAll(/(?<=\/)((?:19|20)\d{2})(?=\/)/g)].map((m) => m[1]!);
  return [...new Set(years)];
}
