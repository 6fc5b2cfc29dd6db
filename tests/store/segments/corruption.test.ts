import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSegment, SEGMENT_FILES, verifySegment, writeSegment, type SegmentError } from '../../../src/store/segments/index.ts';
import { syntheticArticles, vocabulary } from './syntheticCorpus.ts';

let root: string;
let pristine: string;
let copies = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'segments-corrupt-'));
  pristine = join(root, 'pristine');
  await writeSegment(pristine, syntheticArticles({ articles: 40, vocabulary: vocabulary(100), firstLabel: 0, seed: 21 }), { blockSize: 8 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh copy of the good segment to damage. */
function copy(): string {
  const dir = join(root, `copy${copies++}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

function openError(dir: string): SegmentError {
  try {
    openSegment(dir).close();
  } catch (error) {
    return error as SegmentError;
  }
  throw new Error(`opening ${dir} did not fail`);
}

function editHeader(dir: string, edit: (header: Record<string, any>) => void): void {
  const file = join(dir, SEGMENT_FILES.header);
  const header = JSON.parse(readFileSync(file, 'utf8'));
  edit(header);
  writeFileSync(file, JSON.stringify(header));
}

describe('damaged segments', () => {
  it('opens and verifies an intact segment', async () => {
    openSegment(pristine).close();
    await expect(verifySegment(pristine)).resolves.toMatchObject({ files: 7 });
  });

  it.each([SEGMENT_FILES.postings, SEGMENT_FILES.texts, SEGMENT_FILES.chunks, SEGMENT_FILES.terms])('rejects a truncated %s on open', (name) => {
    const dir = copy();
    const size = readFileSync(join(dir, name)).length;
    truncateSync(join(dir, name), size - 4);
    const error = openError(dir);
    expect(error.code).toBe('SEGMENT_CORRUPT');
    expect(error.message).toContain(dir);
    expect(error.message).toContain(name);
    expect(error.message).toContain('npm run ingest -- --rebuild');
  });

  it.each([SEGMENT_FILES.sentences, SEGMENT_FILES.articlesJson, SEGMENT_FILES.header])('rejects a missing %s', (name) => {
    const dir = copy();
    unlinkSync(join(dir, name));
    const error = openError(dir);
    expect(error.code).toBe('SEGMENT_CORRUPT');
    expect(error.message).toContain(name);
  });

  it('says when the folder does not exist', () => {
    expect(openError(join(root, 'never-written')).code).toBe('SEGMENT_MISSING');
  });

  it('rejects another format version with SEGMENT_VERSION, before reading anything else', () => {
    const dir = copy();
    editHeader(dir, (h) => (h.version = 99));
    const error = openError(dir);
    expect(error.code).toBe('SEGMENT_VERSION');
    expect(error.message).toContain('99');
    expect(error.message).toContain('npm run ingest -- --rebuild');
  });

  it('rejects a header whose byte size disagrees with the file', () => {
    const dir = copy();
    editHeader(dir, (h) => (h.files[SEGMENT_FILES.texts].bytes += 1));
    expect(openError(dir).code).toBe('SEGMENT_CORRUPT');
  });

  it('rejects a header whose counts disagree with the column files', () => {
    const dir = copy();
    editHeader(dir, (h) => (h.counts.chunks += 1));
    expect(openError(dir).code).toBe('SEGMENT_CORRUPT');
  });

  it('rejects columns that disagree with each other although every size fits', () => {
    const dir = copy();
    editHeader(dir, (h) => (h.counts.totalLength += 1));
    expect(openError(dir).message).toContain('chunk lengths');
  });

  it('rejects a header that is not JSON', () => {
    const dir = copy();
    writeFileSync(join(dir, SEGMENT_FILES.header), '{"format": "archivist-seg');
    expect(openError(dir).code).toBe('SEGMENT_CORRUPT');
  });

  it.each([SEGMENT_FILES.texts, SEGMENT_FILES.postings])('opens despite a flipped byte in %s, which verifySegment catches', async (name) => {
    const dir = copy();
    const file = join(dir, name);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    openSegment(dir).close();
    await expect(verifySegment(dir)).rejects.toMatchObject({ code: 'SEGMENT_CORRUPT', message: expect.stringContaining(name) });
  });

  it('verifySegment reports a missing or resized file too', async () => {
    const missing = copy();
    unlinkSync(join(missing, SEGMENT_FILES.postings));
    await expect(verifySegment(missing)).rejects.toMatchObject({ code: 'SEGMENT_CORRUPT' });
    const resized = copy();
    truncateSync(join(resized, SEGMENT_FILES.texts), 3);
    await expect(verifySegment(resized)).rejects.toMatchObject({ code: 'SEGMENT_CORRUPT' });
  });
});
