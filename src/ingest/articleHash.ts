import { createHash } from 'node:crypto';
import type { Article, Span } from '../corpus/types.ts';

/**
 * An article's content hash: what ingest compares to decide whether it changed. Everything the
 * index keeps of it except where its file is, so moving the corpus folder re-embeds nothing:
 * its metadata, its cleaned text, and where its sentences fall, so that a new splitter
 * re-embeds exactly the articles it now cuts differently.
 */
export function hashArticle(article: Article, sentences: readonly Span[]): string {
  const { id, title, date, outlet, dateline, url, text } = article;
  const cuts = sentences.map((s) => `${s.start}-${s.end}`).join(',');
  return createHash('sha256').update(JSON.stringify([id, title, date, outlet, dateline, url, text, cuts])).digest('hex').slice(0, 20);
}
