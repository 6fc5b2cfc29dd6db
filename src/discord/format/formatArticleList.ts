import type { CatalogEntry } from '../../qa/types.ts';
import { describeSource } from './describeSource.ts';

/** Articles shown per `/sources` page. */
export const ARTICLES_PER_PAGE = 10;

export interface ArticlePage {
  text: string;
  /** The page shown, clamped into range (0-based). */
  page: number;
  pageCount: number;
}

/** One page of the archive's articles (newest first, as `listArticles()` gives them). Pure. */
export function formatArticleList(articles: readonly CatalogEntry[], page: number, perPage: number = ARTICLES_PER_PAGE): ArticlePage {
  const pageCount = Math.max(1, Math.ceil(articles.length / perPage));
  const shown = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  if (articles.length === 0) return { text: 'The archive is empty.', page: 0, pageCount: 1 };
  const first = shown * perPage;
  const lines = articles.slice(first, first + perPage).map((a, i) => `${first + i + 1}. ${describeSource(a)}`);
  const header = `**Articles in the archive** (${articles.length}; page ${shown + 1} of ${pageCount})`;
  return { text: [header, ...lines].join('\n'), page: shown, pageCount };
}
