import { unreportedConstraints, type ConstrainedArticle, type QuestionConstraints } from '../question/constraints.ts';

/** Longer titles are cut: the sources list below the message gives them in full. */
const TITLE_CHARS = 90;

/**
 * Why the best match is no answer, when the reason is one a reader can act on: the question
 * pins a year or period ("in 2019", "the fourth quarter") that the best-matching article does
 * not report. Asked about the fourth quarter, the archive may hold only the third quarter's
 * report; saying so lets the user ask about what is there. '' when the article reports every
 * pinned year and period. Pure.
 */
export function explainAbstention(constraints: QuestionConstraints, article: ConstrainedArticle): string {
  const unreported = unreportedConstraints(constraints, article);
  if (unreported.length === 0) return '';
  const title = article.title.length > TITLE_CHARS ? `${article.title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : article.title;
  const named = title ? `“${title}”` : 'the best match';
  const which = title ? `${named}${article.date ? ` (${article.date})` : ''}, the best match,` : named;
  const undatedYear = !article.date && unreported.some((label) => /^\d{4}$/.test(label));
  const verb = undatedYear ? 'is undated and does not mention' : 'does not report';
  return `${capitalise(which)} ${verb} ${listed(unreported)}.`;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
