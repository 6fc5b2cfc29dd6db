import { escapeMarkdown } from 'discord.js';

/** What a source line needs; `Source` and `Article` both fit. */
export interface SourceFacts {
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  /** Outlets that ran the same story (its wire copies). */
  alsoIn?: readonly string[];
}

/** Markdown shown as-is: no bold, links, headings or lists smuggled in by archive text. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/** Text on one line: quoted sentences must not break out of their `> ` block. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * `Title — Outlet — 2024-07-26`. The title links to the article when it has a URL; the URL
 * sits in angle brackets so Discord shows no preview. Pure.
 */
export function describeSource(source: SourceFacts): string {
  const title = escapeText(oneLine(source.title) || 'Untitled');
  const linked = source.url ? `[${title}](<${source.url}>)` : title;
  const line = [linked, source.outlet ? escapeText(source.outlet) : undefined, source.date ?? 'undated'].filter(Boolean).join(' — ');
  return source.alsoIn?.length ? `${line} (also in: ${escapeText(source.alsoIn.join(', '))})` : line;
}
