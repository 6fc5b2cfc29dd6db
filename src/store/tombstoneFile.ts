import { z } from 'zod';
import type { Tombstones } from './segments/index.ts';

/** tombstones.json: per segment folder, the deleted articles and what they took from BM25's statistics. */
const tombstoneSchema = z.record(
  z.string(),
  z.object({
    articles: z.array(z.number().int().nonnegative()),
    dfDelta: z.record(z.string(), z.number().int().positive()),
    lengthDelta: z.number().nonnegative(),
    units: z.number().int().nonnegative(),
  }),
);

export type TombstoneFile = z.infer<typeof tombstoneSchema>;

/** Tombstones per segment, in the order of `segments` (undefined where none). Throws on a malformed file. */
export function readTombstones(raw: unknown, segments: readonly string[]): Array<Tombstones | undefined> {
  const parsed = tombstoneSchema.parse(raw);
  return segments.map((name) => {
    const t = parsed[name];
    return t && { articles: new Set(t.articles), dfDelta: new Map(Object.entries(t.dfDelta)), lengthDelta: t.lengthDelta, units: t.units };
  });
}

export function tombstoneFile(bySegment: ReadonlyMap<string, Tombstones>): TombstoneFile {
  const out: TombstoneFile = {};
  for (const [name, t] of bySegment) {
    if (t.articles.size === 0) continue;
    out[name] = { articles: [...t.articles].sort((a, b) => a - b), dfDelta: Object.fromEntries(t.dfDelta), lengthDelta: t.lengthDelta, units: t.units };
  }
  return out;
}

/** Two tombstones of one segment as one (an article is deleted once, so the sums add up). */
export function addTombstones(a: Tombstones | undefined, b: Tombstones): Tombstones {
  if (!a) return b;
  const dfDelta = new Map(a.dfDelta);
  for (const [term, n] of b.dfDelta) dfDelta.set(term, (dfDelta.get(term) ?? 0) + n);
  return { articles: new Set([...a.articles, ...b.articles]), dfDelta, lengthDelta: a.lengthDelta + b.lengthDelta, units: a.units + b.units };
}
