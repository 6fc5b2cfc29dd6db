import type { SourceFacts } from './describeSource.ts';
import { describeSource } from './describeSource.ts';

/** "More sources": articles retrieved for a question but not cited in its answer. Pure. */
export function formatMoreSources(articles: readonly SourceFacts[]): string {
  if (articles.length === 0) return 'No other articles in the archive matched this question.';
  return ['**More articles on this question**', ...articles.map((a) => `• ${describeSource(a)}`)].join('\n');
}
