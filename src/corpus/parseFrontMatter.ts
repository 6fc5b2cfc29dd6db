import matter from 'gray-matter';
import { parseDate } from './parseDate.ts';

/** Metadata given explicitly by a file's YAML front matter or a JSONL record. */
export interface GivenMetadata {
  title?: string | null;
  date?: string | null;
  url?: string | null;
  outlet?: string | null;
}

export type FrontMatterResult =
  | { ok: true; body: string; meta: GivenMetadata; hadFrontMatter: boolean }
  | { ok: false; reason: string };

/**
 * Split YAML front matter (`title`, `date`, `url`, `source` → outlet) from the body. A file
 * without front matter comes back unchanged; broken YAML is a reason, not an exception.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, body: text, meta: {}, hadFrontMatter: false };
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // A fresh options object bypasses gray-matter's cache, which would share parsed objects.
    parsed = matter(text, {});
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `invalid YAML front matter (${detail}); fix or remove the --- block` };
  }
  const data = parsed.data;
  const meta: GivenMetadata = {
    title: stringField(data.title),
    date: dateField(data.date),
    url: stringField(data.url),
    outlet: stringField(data.source) ?? stringField(data.outlet),
  };
  return { ok: true, body: parsed.content, meta, hadFrontMatter: true };
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function dateField(value: unknown): string | null {
  // YAML turns an unquoted 2024-07-26 into a Date at UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return typeof value === 'string' ? parseDate(value) : null;
}
