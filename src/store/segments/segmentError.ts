/**
 * Why a segment cannot be used. Tests and callers branch on `code`; people read `message`,
 * which names the folder and the fix.
 *
 * - `SEGMENT_MISSING`: the folder does not exist.
 * - `SEGMENT_CORRUPT`: a file is missing, truncated, malformed, or disagrees with the header
 *   (sizes on open, checksums in `verifySegment`).
 * - `SEGMENT_VERSION`: written in another on-disk format version.
 * - `SEGMENT_INPUT`: a caller handed the writer or the searcher something inconsistent
 *   (overlapping offsets, a duplicate label, tombstones that do not match the segment).
 */
export type SegmentErrorCode = 'SEGMENT_MISSING' | 'SEGMENT_CORRUPT' | 'SEGMENT_VERSION' | 'SEGMENT_INPUT';

export class SegmentError extends Error {
  readonly code: SegmentErrorCode;

  constructor(code: SegmentErrorCode, message: string) {
    super(message);
    this.name = 'SegmentError';
    this.code = code;
  }
}

/** The one fix for an unreadable segment: segments are derived data, so rebuild them. */
export const SEGMENT_FIX = 'run `npm run ingest -- --rebuild`';

/** A SEGMENT_CORRUPT error naming the folder, what is wrong, and the fix. */
export function corruptSegment(dir: string, detail: string): SegmentError {
  return new SegmentError('SEGMENT_CORRUPT', `segment ${dir} is corrupt: ${detail}; ${SEGMENT_FIX}`);
}
