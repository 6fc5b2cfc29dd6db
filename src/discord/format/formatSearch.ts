import { describeCorrections } from '../../qa/question/correctSpelling.ts';
import type { SearchResult } from '../../qa/types.ts';
import { describeSource, escapeText, oneLine } from './describeSource.ts';

/**
 * `/search` results: each passage quoted under its source line, best first, after what the
 * search read differently ("Read "Jaishanker" as "Jaishankar"."). Pure.
 */
export function formatSearch(query: string, { passages, readAs }: SearchResult): string {
  const shownQuery = escapeText(oneLine(query));
  const readDifferently = describeCorrections(readAs);
  const note = readDifferently ? ` ${escapeText(readDifferently)}` : '';
  if (passages.length === 0) return `No passages in the archive match “${shownQuery}”.${note}`;
  const blocks = passages.map((p, i) => `**${i + 1}.** ${describeSource(p.source)}\n> ${escapeText(oneLine(p.text))}`);
  return [`**Passages for “${shownQuery}”**${note}`, ...blocks].join('\n\n');
}
