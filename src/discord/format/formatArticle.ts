import type { Article } from '../../corpus/types.ts';
import { describeSource, escapeText } from './describeSource.ts';

/** Characters of an article's opening shown by `/source`. */
export const OPENING_CHARS = 600;

/**
 * `/source`: the article's title, outlet and date, then its opening lines, cut at a sentence
 * end when one falls in the last third. Pure.
 */
export function formatArticle(article: Article): string {
  const text = article.text.trim();
  let opening = text.slice(0, OPENING_CHARS);
  if (text.length > OPENING_CHARS) {
    const end = Math.max(opening.lastIndexOf('. '), opening.lastIndexOf('.\n'));
    opening = end > OPENING_CHARS / 3 ? opening.slice(0, end + 1) : `${opening.trimEnd()}…`;
  }
  const quoted = opening
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `> ${escapeText(line)}`);
  return [describeSource(article), ...quoted, `-# ${escapeText(article.file)}`].join('\n');
}
