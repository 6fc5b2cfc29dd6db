import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { hashArticle } from '../../src/ingest/articleHash.ts';

const article: Article = { id: 'a', title: 'Talks in Goa', date: '2023-05-04', outlet: null, dateline: null, url: null, file: 'a.txt', text: 'They met in Goa. U.S. officials watched.' };

describe('hashArticle', () => {
  it('changes when the same text is cut into other sentences (a new splitter re-embeds the article)', () => {
    expect(hashArticle(article, [{ start: 0, end: 16 }, { start: 17, end: 40 }])).not.toBe(hashArticle(article, [{ start: 0, end: 40 }]));
  });

  it('ignores where the file is, so a moved corpus re-embeds nothing', () => {
    const spans = [{ start: 0, end: 16 }, { start: 17, end: 40 }];
    expect(hashArticle({ ...article, file: 'elsewhere/a.txt' }, spans)).toBe(hashArticle(article, spans));
    expect(hashArticle({ ...article, text: `${article.text} More.` }, spans)).not.toBe(hashArticle(article, spans));
  });
});
