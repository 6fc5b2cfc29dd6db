import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraphInBackground } from '../../src/store/backgroundGraph.ts';
import { createVectorIndex, loadVectorIndex } from '../../src/store/vectorIndex.ts';

/** Deterministic pseudo-random unit vectors. */
function points(count: number, dims: number): Float32Array[] {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  return Array.from({ length: count }, () => Float32Array.from({ length: dims }, next));
}

describe('a graph built on a worker thread', () => {
  const dims = 24;
  const data = points(5000, dims);

  it('is byte for byte the graph a synchronous build makes, across batches and resizes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archivist-graph-'));
    const sync = createVectorIndex(dims, 100);
    const background = buildGraphInBackground(dims, 100);
    for (const [label, vector] of data.entries()) {
      sync.add(label, vector);
      background.add(label, vector);
      if (label % 700 === 0) await background.settle();
    }
    sync.save(join(dir, 'sync.hnsw'));
    await background.save(join(dir, 'background.hnsw'));
    expect(readFileSync(join(dir, 'background.hnsw')).equals(readFileSync(join(dir, 'sync.hnsw')))).toBe(true);
    const loaded = loadVectorIndex(join(dir, 'background.hnsw'), dims, data.keys());
    expect(loaded.size).toBe(data.length);
    expect(loaded.search(data[1234]!, 1)[0]!.label).toBe(1234);
  });

  it('reports a failure to save with the reason, and takes no more points', async () => {
    const background = buildGraphInBackground(dims, 10);
    background.add(0, data[0]!);
    await expect(background.save('/nonexistent/dir/vectors.hnsw')).rejects.toThrow(/building the vector graph failed/);
    expect(() => background.add(1, data[1]!)).toThrow(/building the vector graph failed: ENOENT/);
  });

  it('refuses a vector of the wrong width before it reaches the thread', () => {
    const background = buildGraphInBackground(dims, 10);
    expect(() => background.add(0, new Float32Array(dims + 1))).toThrow(/25 dimensions, index has 24/);
    background.close();
  });
});
