import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../corpus/loadArticles.ts';
import { BUILD_FILES, SEGMENTS_DIR } from './buildFiles.ts';
import { IndexError } from './errors.ts';
import { corrupt, readBuild } from './readBuild.ts';
import { verifySegment } from './segments/index.ts';
import { checkGraphFileAt } from './vectorIndex.ts';

/**
 * The full check that loading skips (`npm run verify-index`): every file of the live build
 * against the size and sha256 in its manifest, every segment against the checksums in its
 * header, and the graph's layout. Reads every byte of the index once. Throws an IndexError
 * naming the first damaged file and the command that repairs it.
 */
export async function verifyIndex(indexDir: string): Promise<{ files: number; bytes: number; segments: number }> {
  const build = await readBuild(indexDir);
  if (!build) throw new IndexError('INDEX_MISSING', `no index in ${indexDir}: run \`npm run ingest\` to build it`);
  const { dir, manifest } = build;
  const corpus = displayPath(manifest.corpus.root);
  let files = 0;
  let bytes = 0;
  for (const [name, entry] of Object.entries(manifest.files)) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(join(dir, name))) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== entry.sha256) throw corrupt(indexDir, `${name} does not match its checksum (same size, ${entry.bytes} bytes, different content)`, corpus);
    files++;
    bytes += entry.bytes;
  }
  try {
    checkGraphFileAt(join(dir, BUILD_FILES.vectors), manifest.embedder.dims);
  } catch (error) {
    throw corrupt(indexDir, `${BUILD_FILES.vectors}: ${(error as Error).message}`, corpus);
  }
  for (const segment of manifest.segments) {
    try {
      const checked = await verifySegment(join(indexDir, SEGMENTS_DIR, segment));
      files += checked.files;
      bytes += checked.bytes;
    } catch (error) {
      throw corrupt(indexDir, `segment ${segment}: ${(error as Error).message.split('; ')[0]}`, corpus);
    }
  }
  return { files, bytes, segments: manifest.segments.length };
}
