import { z } from 'zod';
import { parseDate } from './parseDate.ts';
import type { GivenMetadata } from './parseFrontMatter.ts';

/** One good JSONL line: its 1-based line number, id, text and explicit metadata. */
export interface JsonlRecord {
  line: number;
  id: string;
  text: string;
  given: GivenMetadata;
}

/** A JSONL line that could not be used, with its 1-based number and why. */
export interface JsonlProblem {
  line: number;
  reason: string;
}

const optionalString = z.string().nullish();
const recordSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number()]),
  title: optionalString,
  text: z.string(),
  date: optionalString,
  url: optionalString,
  source: optionalString,
});

/**
 * Read a JSONL corpus (one `{"id","title","text",…}` object per line). Bad lines come back
 * as problems with their line numbers and the rest is kept, so one broken record never
 * hides thousands of good ones. Blank lines are ignored. Duplicate ids are the caller's
 * concern, since ids must be unique across the whole corpus.
 */
export function parseJsonl(content: string): { records: JsonlRecord[]; problems: JsonlProblem[] } {
  const records: JsonlRecord[] = [];
  const problems: JsonlProblem[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = (lines[i] ?? '').trim();
    if (source === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({ line, reason: `invalid JSON (${detail}); each line must be one JSON object` });
      continue;
    }
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(line)'))];
      problems.push({
        line,
        reason: `bad or missing field ${fields.map((f) => `"${f}"`).join(', ')}; each line needs a string "id" and "text" (optional "title", "date", "url", "source")`,
      });
      continue;
    }
    const r = parsed.data;
    if (r.text.trim() === '') {
      problems.push({ line, reason: `empty "text" for id "${r.id}"` });
      continue;
    }
    records.push({
      line,
      id: String(r.id),
      text: r.text,
      given: {
        title: r.title?.trim() || null,
        date: r.date ? parseDate(r.date) : null,
        url: r.url?.trim() || null,
        outlet: r.source?.trim() || null,
      },
    });
  }
  return { records, problems };
}
