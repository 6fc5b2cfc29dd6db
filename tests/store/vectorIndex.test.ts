import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGraphFile, createVectorIndex, loadVectorIndex } from '../../src/store/vectorIndex.ts';
import { makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';

afterEach(removeTempDirs);

const v = (...xs: number[]) => Float32Array.from(xs);
const POINTS: Array<[number, Float32Array]> = [
  [10, v(1, 0, 0, 0)],
  [11, v(0.9, 0.1, 0, 0)],
  [12, v(0, 1, 0, 0)],
  [13, v(0, 0, 1, 0)],
  [14, v(0, 0, 0.2, 1)],
];

function filled() {
  const index = createVectorIndex(4, 2); // grows past its first capacity
  for (const [label, vector] of POINTS) index.add(label, vector);
  return index;
}

describe('vector index', () => {
  it('finds the nearest labels by cosine, best first', () => {
    const hits = filled().search(v(1, 0.05, 0, 0), 2);
    expect(hits.map((h) => h.label)).toEqual([10, 11]);
    expect(hits[0]!.similarity).toBeGreaterThan(hits[1]!.similarity);
  });

  it('never returns a removed label, and counts it as deleted', () => {
    const index = filled();
    index.remove(10);
    expect(index.has(10)).toBe(false);
    expect(index.size).toBe(4);
    expect(index.deletedCount).toBe(1);
    expect(index.search(v(1, 0, 0, 0), 10).map((h) => h.label)).not.toContain(10);
  });

  it('rejects vectors and queries of the wrong width', () => {
    const index = filled();
    expect(() => index.add(99, v(1, 2, 3))).toThrow(/dimensions/);
    expect(() => index.search(v(1, 2, 3), 1)).toThrow(/dimensions/);
  });

  it('round-trips through a file, treating labels absent from the tables as deleted', async () => {
    const file = join(await makeTempDir('graph'), 'vectors.hnsw');
    filled().save(file);
    const loaded = loadVectorIndex(file, 4, [11, 12, 13, 14]);
    expect(loaded.size).toBe(4);
    expect(loaded.search(v(1, 0, 0, 0), 5).map((h) => h.label)).not.toContain(10);
    expect(Array.from(loaded.vector(13))).toEqual([0, 0, 1, 0]);
  });

  it('checks a graph file\'s layout and width before hnswlib reads it', async () => {
    const file = join(await makeTempDir('graph'), 'vectors.hnsw');
    filled().save(file);
    const bytes = await readFile(file);
    expect(() => checkGraphFile(bytes, 4)).not.toThrow();
    expect(() => checkGraphFile(bytes, 8)).toThrow(/4 dimensions/);
    expect(() => checkGraphFile(bytes.subarray(0, bytes.length - 1), 4)).toThrow(/truncated/);
    expect(() => checkGraphFile(Buffer.concat([bytes, Buffer.from([0])]), 4)).toThrow(/trailing/);
    expect(() => loadVectorIndex(file, 8, [])).toThrow(/dimensions/);
  });
});
