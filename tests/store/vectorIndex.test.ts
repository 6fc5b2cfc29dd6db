import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGraphFile, createVectorIndex, loadVectorIndex } from '../../src/store/vectorIndex.ts';
import { makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';
import { mulberry32 } from '../support/mulberry32.ts';

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

  it('reads a loaded graph\'s vectors from its file, and those added since from memory', async () => {
    const random = mulberry32(3);
    const made = createVectorIndex(16, 8);
    const points = new Map<number, Float32Array>();
    for (let label = 0; label < 300; label++) {
      const vector = Float32Array.from({ length: 16 }, () => random() - 0.5);
      points.set(label, vector);
      made.add(label, vector);
    }
    const file = join(await makeTempDir('graph'), 'vectors.hnsw');
    made.save(file);
    const loaded = loadVectorIndex(file, 16, points.keys());
    try {
      // Stored normalised (cosine space): what hnswlib itself holds for each label.
      for (const label of [0, 1, 150, 299]) {
        const expected = made.vector(label);
        expect(Math.hypot(...expected)).toBeCloseTo(1, 5);
        expect(Array.from(loaded.vector(label))).toEqual(Array.from(expected));
      }
      // The bytes come from the file, not from hnswlib's copy: change them on disk and the
      // loaded index reads the change (a build's files are never changed in place).
      const bytes = await readFile(file);
      const at = bytes.indexOf(Buffer.from(made.vector(42).buffer));
      expect(at).toBeGreaterThan(0);
      bytes.writeFloatLE(0.5, at);
      await writeFile(file, bytes);
      expect(loaded.vector(42)[0]).toBe(0.5);
      // A vector read lately is kept: read again, it costs no file read (a second change on
      // disk is not seen; build files are never changed in place).
      bytes.writeFloatLE(0.25, at);
      await writeFile(file, bytes);
      expect(loaded.vector(42)[0]).toBe(0.5);
      // A new label and a replaced one are not in the file: their vectors come from the graph.
      loaded.add(300, v(...Array.from({ length: 16 }, (_, i) => (i === 3 ? 2 : 0))));
      loaded.remove(7);
      loaded.add(7, v(...Array.from({ length: 16 }, (_, i) => (i === 5 ? 1 : 0))));
      expect(loaded.vector(300)[3]).toBeCloseTo(1, 6);
      expect(loaded.vector(7)[5]).toBeCloseTo(1, 6);
    } finally {
      loaded.close();
    }
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
