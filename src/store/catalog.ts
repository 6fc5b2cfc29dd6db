import type { Article } from '../corpus/types.ts';

/**
 * The archive's list of articles, newest first, written at ingest (`catalog.json`) so that
 * "what's new?", `/sources`, `/source` suggestions and `/stats` read a ready list instead of
 * decoding and sorting every article's metadata when someone asks (at 100,000 articles that
 * took about a second, and held every article's metadata in memory). One row per article
 * answers may cite: copies of a story and deleted articles are left out.
 */
export type CatalogEntry = Pick<Article, 'id' | 'title' | 'date' | 'outlet' | 'url'>;

/** On disk: `[id, date, title, outlet, url]` per article, in catalog order. */
export interface CatalogFile {
  format: 1;
  articles: Array<[string, string | null, string, string | null, string | null]>;
}

/** Dated articles newest first, then undated ones; ties by title. */
export function catalogOrder(a: CatalogEntry, b: CatalogEntry): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
}

/** The catalog of a build: every article but the copies, in catalog order. */
export function buildCatalog(articles: Iterable<CatalogEntry>, copies: ReadonlyMap<string, readonly string[]>): CatalogFile {
  const copy = new Set([...copies.values()].flat());
  const kept: CatalogEntry[] = [];
  for (const a of articles) if (!copy.has(a.id)) kept.push({ id: a.id, title: a.title, date: a.date, outlet: a.outlet, url: a.url });
  kept.sort(catalogOrder);
  return { format: 1, articles: kept.map((a) => [a.id, a.date, a.title, a.outlet, a.url]) };
}

/** The entries of a catalog file's JSON; throws on anything else. */
export function readCatalog(value: unknown): CatalogEntry[] {
  const file = value as Partial<CatalogFile> | null;
  if (file?.format !== 1 || !Array.isArray(file.articles)) throw new Error('not an article catalog');
  const text = (x: unknown) => typeof x === 'string';
  const textOrNull = (x: unknown) => x === null || typeof x === 'string';
  return file.articles.map((row) => {
    if (!Array.isArray(row) || row.length !== 5 || !text(row[0]) || !textOrNull(row[1]) || !text(row[2]) || !textOrNull(row[3]) || !textOrNull(row[4])) {
      throw new Error('malformed article catalog row');
    }
    const [id, date, title, outlet, url] = row;
    return { id, date, title, outlet, url };
  });
}
