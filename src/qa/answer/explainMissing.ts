import { unreportedConstraints, type ConstrainedArticle, type QuestionConstraints } from '../question/constraints.ts';
import { unwrittenParties } from '../question/parties.ts';

/** Longer titles are cut: the sources list below the message gives them in full. */
const TITLE_CHARS = 90;
/** Names, years, months, periods or editions listed in one note; a long question's others are counted. */
const LISTED = 3;

/**
 * Why the best match is no answer, when the reason is one a reader can act on:
 * - the question names something the archive never mentions ("Hurricane Milton"): it has
 *   nothing on that, whatever else matches;
 * - the question pins a year, month, period or edition ("in 2019", "in May 2023", "the
 *   fourth quarter", "Super Bowl 50") that the best-matching article does not report: asked
 *   about the fourth quarter, the archive may hold only the third quarter's report;
 * - the best-matching article never writes a party the question names ("Federer", parties.ts).
 * Saying so lets the user ask about what is there. '' when neither holds. `knows` tells
 * whether the archive uses a term (or a word standing for it); `newsArchive`, whether most of
 * its articles are dated (as the abstention model judged the article). Pure.
 */
export function explainAbstention(constraints: QuestionConstraints, article: ConstrainedArticle | undefined, knows: (term: string) => boolean, newsArchive = true): string {
  const notes: string[] = [];
  const unknown = constraints.names.flatMap((terms, i) => (terms.some((t) => !knows(t)) ? [withoutPossessive(constraints.namesWritten[i] ?? terms.join(' '))] : []));
  if (unknown.length > 0) notes.push(`It never mentions ${listed([...new Set(unknown)])}.`);
  if (article) {
    const title = article.title.length > TITLE_CHARS ? `${article.title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : article.title;
    const which = title ? `“${title}”${article.date ? ` (${article.date})` : ''}, the best match,` : 'the best match';
    // A party no article mentions is in the note above already.
    const unwritten = unwrittenParties(constraints.parties, article).filter((p) => !unknown.some((name) => name.split(/[\s-]+/).includes(p)));
    const lacks = [doesNotReport(constraints, article, newsArchive), unwritten.length > 0 ? `never mentions ${listed(unwritten)}` : ''].filter((s) => s !== '');
    if (lacks.length > 0) notes.push(`${capitalise(which)} ${lacks.join(' and ')}.`);
  }
  return notes.join(' ');
}

/**
 * The caveat an answer carries when the article it quotes does not report a year, month,
 * period or edition the question pins ("The quoted article is undated and does not mention 2016."): the quote
 * may still be right (a report rarely writes its own year), but the reader should know the
 * archive cannot confirm it. '' when the article reports them all. Pure.
 */
export function caveatForQuote(constraints: QuestionConstraints, article: ConstrainedArticle, newsArchive = true): string {
  const unreported = doesNotReport(constraints, article, newsArchive);
  return unreported ? `The quoted article ${unreported}.` : '';
}

/**
 * What an answer adds when a party the question names ("Federer", parties.ts) is written in
 * none of the articles it quotes ("What did Lavrov tell Federer?" answered from a report on
 * Lavrov alone): the quote may be about someone else. '' when each is written somewhere. Pure.
 */
export function caveatForParties(constraints: QuestionConstraints, quotedArticles: readonly ConstrainedArticle[]): string {
  if (quotedArticles.length === 0) return '';
  const missedBy = quotedArticles.map((a) => new Set(unwrittenParties(constraints.parties, a)));
  const unwritten = constraints.parties.filter((party) => missedBy.every((missed) => missed.has(party)));
  if (unwritten.length === 0) return '';
  return `${quotedArticles.length > 1 ? 'Neither quoted article mentions' : 'The quoted article never mentions'} ${listed(unwritten)}.`;
}

/**
 * "does not report 2019 or the fourth quarter", "is undated and does not mention 2016", or ''.
 * Where most articles are undated (an encyclopaedia, `newsArchive` false), being undated is no
 * news: its text just does not report the year.
 */
function doesNotReport(constraints: QuestionConstraints, article: ConstrainedArticle, newsArchive: boolean): string {
  const unreported = unreportedConstraints(constraints, article, newsArchive);
  if (unreported.length === 0) return '';
  const undatedYear = newsArchive && !article.date && unreported.some((label) => /^\d{4}$/.test(label));
  return `${undatedYear ? 'is undated and does not mention' : 'does not report'} ${listed(unreported)}`;
}

function withoutPossessive(name: string): string {
  return name.replace(/['’]s$/, '');
}

function listed(items: readonly string[]): string {
  if (items.length > LISTED) return `${items.slice(0, LISTED).join(', ')} or ${items.length - LISTED} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
