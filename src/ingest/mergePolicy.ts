/** A segment as the merge policy sees it. */
export interface SegmentSize {
  name: string;
  /** Articles written into it. */
  articles: number;
  /** Of those, deleted since (tombstoned). */
  deleted: number;
}

export interface MergePolicy {
  /** Most segments a build reads; beyond it the smallest are merged. @default 10 */
  maxSegments: number;
  /** A segment with more than this share of deleted articles is rewritten without them. @default 0.3 */
  purgeShare: number;
}

export const DEFAULT_MERGE_POLICY: Readonly<MergePolicy> = Object.freeze({ maxSegments: 10, purgeShare: 0.3 });

/**
 * Which segments to merge into one, if any: those mostly deleted, plus the smallest ones while
 * there are too many. Daily updates add one small segment each; the small ones are merged
 * with each other long before a large one is touched, so the cost of merging follows the
 * updates, not the archive. Pure.
 */
export function planMerge(segments: readonly SegmentSize[], policy: MergePolicy = DEFAULT_MERGE_POLICY): string[] {
  const chosen = new Set(segments.filter((s) => s.articles > 0 && s.deleted / s.articles > policy.purgeShare).map((s) => s.name));
  const bySize = [...segments].sort((a, b) => a.articles - a.deleted - (b.articles - b.deleted) || (a.name < b.name ? -1 : 1));
  for (const s of bySize) {
    if (segments.length - Math.max(0, chosen.size - 1) <= policy.maxSegments) break;
    chosen.add(s.name);
  }
  if (chosen.size === 1 && !segments.some((s) => chosen.has(s.name) && s.deleted > 0)) return [];
  return segments.filter((s) => chosen.has(s.name)).map((s) => s.name);
}
