import type { Answer } from '../../qa/types.ts';
import { escapeText, oneLine } from './describeSource.ts';
import { formatAnswer } from './formatAnswer.ts';

/** Characters of the checked message repeated above the result. */
const CLAIM_SHOWN = 160;

/**
 * "Find sources": a small line naming the message checked (the reply is private and detached
 * from it), then the supporting sentences with their sources, or the abstention with the
 * closest articles. Pure.
 */
export function formatFindSources(claim: string, answer: Answer): string {
  const flat = oneLine(claim);
  const shown = flat.length <= CLAIM_SHOWN ? flat : `${flat.slice(0, CLAIM_SHOWN - 1).trimEnd()}…`;
  return [`-# Sources for: “${escapeText(shown)}”`, formatAnswer(answer)].join('\n');
}
