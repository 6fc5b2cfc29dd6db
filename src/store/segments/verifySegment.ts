import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSegmentHeader } from './readSegmentHeader.ts';
import { corruptSegment, SEGMENT_FIX, SegmentError } from './segmentError.ts';
import { DATA_FILES } from './segmentFormat.ts';

/**
 * The full check `openSegment` skips to stay cheap: every data file's bytes hashed (streamed,
 * so memory stays flat) and compared with the size and sha256 in the header. For
 * `npm run verify-index` and after copying an index between machines; a flipped bit in a
 * text or a posting list that open never reads is caught here. Throws SegmentError.
 */
export async function verifySegment(dir: string): Promise<{ files: number; bytes: number }> {
  if (!existsSync(dir)) throw new SegmentError('SEGMENT_MISSING', `segment ${dir} does not exist; ${SEGMENT_FIX}`);
  const header = readSegmentHeader(dir);
  let bytes = 0;
  for (const name of DATA_FILES) {
    const expected = header.files[name]!;
    const actual = await hashFile(join(dir, name)).catch(() => undefined);
    if (!actual) throw corruptSegment(dir, `${name} is missing`);
    if (actual.bytes !== expected.bytes) throw corruptSegment(dir, `${name} has ${actual.bytes} bytes; the header says ${expected.bytes}`);
    if (actual.sha256 !== expected.sha256) throw corruptSegment(dir, `${name} does not match its checksum`);
    bytes += actual.bytes;
  }
  return { files: DATA_FILES.length, bytes };
}

async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
