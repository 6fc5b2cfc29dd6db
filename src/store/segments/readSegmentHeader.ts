import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corruptSegment, SEGMENT_FIX, SegmentError } from './segmentError.ts';
import {
  DATA_FILES,
  expectedFileBytes,
  SEGMENT_FILES,
  SEGMENT_FORMAT_NAME,
  SEGMENT_FORMAT_VERSION,
  segmentHeaderSchema,
  type SegmentHeader,
} from './segmentFormat.ts';

/**
 * Parse and check segment.json, shared by `openSegment` and `verifySegment`: the version first
 * (an older format says so rather than "malformed"), then the schema, then that every data file
 * is listed with the size its counts call for.
 */
export function readSegmentHeader(dir: string): SegmentHeader {
  let text: string;
  try {
    text = readFileSync(join(dir, SEGMENT_FILES.header), 'utf8');
  } catch {
    throw corruptSegment(dir, `${SEGMENT_FILES.header} is missing`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corruptSegment(dir, `${SEGMENT_FILES.header} is not valid JSON`);
  }
  const { format, version } = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (format !== SEGMENT_FORMAT_NAME) throw corruptSegment(dir, `${SEGMENT_FILES.header} is not a segment header`);
  if (version !== SEGMENT_FORMAT_VERSION) {
    throw new SegmentError('SEGMENT_VERSION', `segment ${dir} has format version ${String(version)}; this version of Archivist reads ${SEGMENT_FORMAT_VERSION}: ${SEGMENT_FIX}`);
  }
  const parsed = segmentHeaderSchema.safeParse(raw);
  if (!parsed.success) throw corruptSegment(dir, `${SEGMENT_FILES.header} is malformed (${parsed.error.issues[0]?.path.join('.')})`);
  const header = parsed.data;
  const expected = expectedFileBytes(header.counts);
  for (const name of DATA_FILES) {
    const entry = header.files[name];
    if (!entry) throw corruptSegment(dir, `${SEGMENT_FILES.header} does not list ${name}`);
    const size = expected[name];
    if (size !== undefined && size !== entry.bytes) throw corruptSegment(dir, `${SEGMENT_FILES.header} gives ${name} ${entry.bytes} bytes; its counts need ${size}`);
  }
  return header;
}
