import type { Passage } from '../../qa/types.ts';
import { describeSource, escapeText, oneLine } from './describeSource.ts';

/** `/search` results: each passage quoted under its source line, best first. Pure. */
export function formatSearch(query: string, passages: readonly Passage[]): string {
  const shownQuery = escapeText(oneLine(query));
  if (passages.length === 0) return `No passages in the archive match “${shownQuery}”.`;
  const blocks = passages.map((p, i) => `**${i + 1}.** ${describeSource(p.source)}\n> ${escapeText(oneLine(p.text))}`);
  return [`**Passages for “${shownQuery}”**`, ...blocks].join('\n\n');
}
