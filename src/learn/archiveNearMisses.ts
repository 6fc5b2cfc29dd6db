import type { EvalQuestion } from '../eval/questions.ts';
import type { OpenedArchive } from '../qa/openArchive.ts';
import { nearMisses, type NearMiss } from './nearMisses.ts';

/**
 * The near misses of a question set's answerable questions, each against the text of the
 * articles that answer it, and the whole archive's text (a year or edition no article reports
 * is the one moved to). What `npm run train` trains on and `eval --near-misses` measures.
 */
export function archiveNearMisses(archive: Pick<OpenedArchive, 'getArticle' | 'listArticles'>, questions: readonly EvalQuestion[]): NearMiss[] {
  const textOf = (id: string) => {
    const article = archive.getArticle(id);
    return article ? `${article.title}\n${article.text}` : '';
  };
  const articles = archive.listArticles();
  const everything = articles.map((a) => textOf(a.id)).join('\n');
  const dates = articles.flatMap((a) => (a.date ? [a.date] : []));
  const answerable = questions.filter((q) => q.answerable && q.sources.length > 0);
  const sources = answerable.map((q) => ({ id: q.id, question: q.question, articleText: q.sources.map(textOf).join('\n'), articleDates: q.sources.map((id) => archive.getArticle(id)?.date ?? null) }));
  return nearMisses(sources, everything, dates);
}
