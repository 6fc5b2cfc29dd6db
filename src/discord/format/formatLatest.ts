import type { Answer } from '../../qa/types.ts';
import { describeSource, escapeText } from './describeSource.ts';

/**
 * "What's new?" (`kind: 'latest'`): the newest articles as a numbered list, newest first, each
 * with its title, outlet and date; no quote, since none was asked for. Pure.
 */
export function formatLatest(answer: Answer): string {
  if (answer.sources.length === 0) return 'The archive is empty: there is nothing new to show.';
  const lead = answer.answer.trim().replace(/:$/, '') || 'The newest articles in the archive';
  return [
    `**${escapeText(lead)}**`,
    ...answer.sources.map((s, i) => `${i + 1}. ${describeSource(s)}`),
    '-# `/sources` lists every article, newest first. Ask about any of them for a quoted answer.',
  ].join('\n');
}
