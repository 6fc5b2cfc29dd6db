import type { SourceFacts } from './describeSource.ts';
import { describeSource, escapeText } from './describeSource.ts';

/** "Show passage": the paragraph around a quoted sentence, then where it comes from. Pure. */
export function formatPassage(passage: string, source: SourceFacts): string {
  const quoted = passage
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `> ${escapeText(line)}`);
  return [...quoted, `— ${describeSource(source)}`].join('\n');
}
