import { createHash } from 'node:crypto';
import type { Article } from '../corpus/types.ts';

/**
 * An article's content hash: what ingest compares to decide whether it changed. Everything the
 * index keeps of it except where its file is, so moving the corpus folder re-embeds nothing.
 */
export function hashArticle(article: Article): string {
  const { id, title, date, outlet, dateline, url, text } = article;
  return createHash('sha256').update(JSON.stringify([id, title, date, outlet, dateline, url, text])).digest('hex').slice(0, 20);
}
