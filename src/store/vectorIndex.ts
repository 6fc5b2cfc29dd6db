import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { ByteLru } from './segments/byteLru.ts';

/**
 * The only importer of hnswlib-node besides `graphWorker.mjs` (a full build's graph, grown on
 * a worker thread with the same parameters). A cosine HNSW graph over chunk vectors, addressed by
 * integer labels. Everything else sees this small interface, so hnswlib's quirks (plain
 * arrays only, `ef` not persisted, capacity fixed until resized) stay here.
 */
export interface VectorIndex {
  readonly dims: number;
  /** Live (not deleted) points. */
  readonly size: number;
  /** Points marked deleted but still in the graph. */
  readonly deletedCount: number;
  add(label: number, vector: Float32Array): void;
  remove(label: number): void;
  has(label: number): boolean;
  /** Every live label. */
  labels(): number[];
  /** The stored vector of a label (possibly shared with later calls: read it, do not modify it). */
  vector(label: number): Float32Array;
  /** Nearest labels by cosine similarity (1 = identical), best first. */
  search(query: Float32Array, k: number, accept?: (label: number) => boolean): Array<{ label: number; similarity: number }>;
  save(file: string): void;
  /** Let go of the graph file `vector` reads from (a no-op for a graph built in memory). */
  close(): void;
}

export interface HnswOptions {
  /** Graph degree. @default 16 */
  m: number;
  /**
   * Build-time beam width. Insertion time grows with it, and it dominates a build.
   * @default 48: on SciFact (hashed, 256 dims) 48 with efSearch 200 finds more of the exact top
   * 10 (recall 0.991) than 100 with efSearch 128 did (0.988), and inserts about twice as fast.
   */
  efConstruction: number;
  /** Query-time beam width; not saved by hnswlib, so it is set on every load. @default 200 */
  efSearch: number;
}

export const DEFAULT_HNSW_OPTIONS: Readonly<HnswOptions> = Object.freeze({ m: 16, efConstruction: 48, efSearch: 200 });
export const RANDOM_SEED = 42;

export function createVectorIndex(dims: number, capacity: number, options: HnswOptions = DEFAULT_HNSW_OPTIONS): VectorIndex {
  const graph = new hnswlib.HierarchicalNSW('cosine', dims);
  graph.initIndex(Math.max(16, capacity), options.m, options.efConstruction, RANDOM_SEED);
  return wrap(graph, dims, new Set(), options);
}

/**
 * Read a saved graph. `labels` are the labels the segments say are live: any other label in
 * the file (left by an incremental delete) is treated as deleted. hnswlib trusts the file (it
 * aborts or reads out of bounds on some malformed ones, and never checks the width), so the
 * file's layout is checked first against `dims`, reading only its header and link lists.
 */
export function loadVectorIndex(file: string, dims: number, liveLabels: Iterable<number>, options: HnswOptions = DEFAULT_HNSW_OPTIONS): VectorIndex {
  checkGraphFileAt(file, dims);
  const graph = new hnswlib.HierarchicalNSW('cosine', dims);
  graph.readIndexSync(file);
  const live = new Set(liveLabels);
  const deleted = new Set<number>();
  for (const label of graph.getIdsList()) {
    if (live.has(label)) continue;
    deleted.add(label);
    // Marked in the graph too (an update marks what it deletes; this covers any it did not),
    // so searches skip them natively instead of asking a filter function for every node.
    markDeletedQuietly(graph, label);
  }
  return wrap(graph, dims, deleted, options, new GraphFileVectors(file, dims));
}

/** hnswlib throws when the label is marked already. */
function markDeletedQuietly(graph: hnswlib.HierarchicalNSW, label: number): void {
  try {
    graph.markDelete(label);
  } catch {
    // marked in the file
  }
}

/**
 * The stored vectors of a saved graph, read from its file by label. hnswlib-node's `getPoint`
 * builds a JS array one number at a time (about 30 µs for 256 dimensions; a question asks for
 * the vectors of some 50 chunks BM25 alone proposed), where a positioned read of the same
 * bytes takes a few µs. The vectors are the ones hnswlib holds (normalised at insertion, as
 * `getPoint` returns them). Where each label sits is read on first use, a slice of the file
 * at a time; the file stays open until `close` (a build directory may be removed while a
 * process still answers from it).
 */
class GraphFileVectors {
  private fd: number | undefined;
  /** Element of each label (−1: not in the file), indexed by label. */
  private elementOf: Int32Array | undefined;
  private readonly layout: { count: number; perElement: number; labelOffset: number; offsetData: number };
  /**
   * Vectors read lately: the chunks BM25 proposes for one question are mostly those it proposed
   * for the last few (a story is asked about in turns), and a cached one costs no system call.
   */
  private readonly recent = new ByteLru<number, Float32Array>(RECENT_VECTOR_BYTES);

  constructor(
    private readonly file: string,
    private readonly dims: number,
  ) {
    this.fd = openSync(file, 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    readSync(this.fd, header, 0, HEADER_BYTES, 0);
    const size = (offset: number) => Number(header.readBigUInt64LE(offset));
    this.layout = { count: size(16), perElement: size(24), labelOffset: size(32), offsetData: size(40) };
  }

  /** The vector stored for `label`, or undefined when the file does not hold it. */
  read(label: number): Float32Array | undefined {
    if (this.fd === undefined) return undefined;
    const elements = (this.elementOf ??= this.readLabels(this.fd));
    const element = label >= 0 && label < elements.length ? elements[label]! : -1;
    if (element < 0) return undefined;
    const cached = this.recent.get(label);
    if (cached) return cached;
    const out = new Float32Array(this.dims);
    const bytes = new Uint8Array(out.buffer);
    const at = HEADER_BYTES + element * this.layout.perElement + this.layout.offsetData;
    if (readSync(this.fd, bytes, 0, bytes.length, at) !== bytes.length) throw new Error(`${this.file} ends inside element ${element}`);
    this.recent.set(label, out, bytes.length);
    return out;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.recent.clear();
  }

  private readLabels(fd: number): Int32Array {
    const { count, perElement, labelOffset } = this.layout;
    const labels = new Float64Array(count);
    const perRead = Math.max(1, Math.floor(LABEL_READ_BYTES / perElement));
    const buffer = Buffer.alloc(perRead * perElement);
    let max = -1;
    for (let first = 0; first < count; first += perRead) {
      const n = Math.min(perRead, count - first);
      readSync(fd, buffer, 0, n * perElement, HEADER_BYTES + first * perElement);
      for (let i = 0; i < n; i++) {
        const label = Number(buffer.readBigUInt64LE(i * perElement + labelOffset));
        labels[first + i] = label;
        if (label > max) max = label;
      }
    }
    // Labels are the store's chunk numbers, dense from 0: an array by label is smaller than a
    // map. Labels far sparser than that are not the store's: leave them to getPoint.
    if (max >= SPARSE_LABELS * (count + 1024)) return new Int32Array(0);
    const elementOf = new Int32Array(max + 1).fill(-1);
    labels.forEach((label, element) => (elementOf[label] = element));
    return elementOf;
  }
}

/** Bytes read at a time while finding where each label sits. */
const LABEL_READ_BYTES = 4 * 2 ** 20;
/** Budget of recently read vectors (8 MiB: 8,192 vectors of 256 dimensions). */
const RECENT_VECTOR_BYTES = 8 * 2 ** 20;
/** Largest label, in elements, an array by label may span. */
const SPARSE_LABELS = 16;

/** Size of hnswlib's header (hnswalg.h `saveIndex`): ten size_t, an int, a uint32, a double. */
const HEADER_BYTES = 96;

/** `checkGraphFile` on a file, reading its header and link lists but not its vectors. */
export function checkGraphFileAt(file: string, dims: number): void {
  const fd = openSync(file, 'r');
  try {
    const length = fstatSync(fd).size;
    checkGraph(length, dims, (offset, bytes) => {
      const out = new Uint8Array(Math.max(0, Math.min(bytes, length - offset)));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * Throw unless `bytes` is a graph hnswlib wrote for vectors of `dims` floats: header fields
 * consistent with each other and the width, every element's link list inside the file, and
 * nothing after the last one (the same walk hnswlib does, plus the width it leaves out).
 */
export function checkGraphFile(bytes: Uint8Array, dims: number): void {
  checkGraph(bytes.length, dims, (offset, length) => bytes.subarray(offset, offset + length));
}

function checkGraph(fileBytes: number, dims: number, read: (offset: number, length: number) => Uint8Array): void {
  const fail = (why: string): never => {
    throw new Error(`not an HNSW graph of ${dims}-dimensional vectors (${why})`);
  };
  if (fileBytes < HEADER_BYTES) fail(`${fileBytes} bytes is shorter than the header`);
  const header = read(0, HEADER_BYTES);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const size = (offset: number): number => Number(view.getBigUint64(offset, true));
  const [offsetLevel0, maxElements, count, perElement, labelOffset, offsetData] = [0, 8, 16, 24, 32, 40].map(size) as [number, number, number, number, number, number];
  const entryPoint = view.getUint32(52, true);
  const [maxM, maxM0] = [size(56), size(64)];
  if (offsetLevel0 !== 0 || count > maxElements || maxM < 1 || maxM0 < maxM) fail('inconsistent header');
  if (offsetData !== maxM0 * 4 + 4 || perElement !== labelOffset + 8) fail('inconsistent element layout');
  if (labelOffset - offsetData !== dims * 4) fail(`its vectors have ${(labelOffset - offsetData) / 4} dimensions`);
  if (count > 0 && entryPoint >= count) fail('entry point outside the graph');
  const linksPerLevel = maxM * 4 + 4;
  const start = HEADER_BYTES + count * perElement;
  if (start > fileBytes) fail('truncated');
  // The upper-level link lists follow the level-0 block: small, read at once.
  const tail = read(start, fileBytes - start);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let position = 0;
  for (let i = 0; i < count; i++) {
    if (position + 4 > tail.length) fail('truncated');
    const links = tailView.getUint32(position, true);
    if (links % linksPerLevel !== 0) fail('malformed link list');
    position += 4 + links;
  }
  if (position !== tail.length) fail(position > tail.length ? 'truncated' : 'trailing bytes');
}

function wrap(graph: hnswlib.HierarchicalNSW, dims: number, deleted: Set<number>, options: HnswOptions, stored?: GraphFileVectors): VectorIndex {
  // Labels added or re-added since the graph was read: the file does not hold their vectors.
  const changed = new Set<number>();
  graph.setEf(options.efSearch);
  const present = new Set(graph.getIdsList());
  // hnswlib-node takes plain arrays only: one reused array instead of one per call.
  const scratch: number[] = new Array<number>(dims).fill(0);
  const toArray = (vector: Float32Array): number[] => {
    for (let i = 0; i < dims; i++) scratch[i] = vector[i]!;
    return scratch;
  };
  return {
    dims,
    get size() {
      return present.size - deleted.size;
    },
    get deletedCount() {
      return deleted.size;
    },
    add(label, vector) {
      if (vector.length !== dims) throw new Error(`vector has ${vector.length} dimensions, index has ${dims}`);
      if (graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(Math.ceil(graph.getMaxElements() * 1.5) + 16);
      graph.addPoint(toArray(vector), label);
      changed.add(label);
      present.add(label);
      deleted.delete(label);
    },
    remove(label) {
      if (present.has(label) && !deleted.has(label)) {
        graph.markDelete(label);
        deleted.add(label);
      }
    },
    has(label) {
      return present.has(label) && !deleted.has(label);
    },
    labels() {
      return [...present].filter((label) => !deleted.has(label));
    },
    vector(label) {
      return (!changed.has(label) && stored?.read(label)) || Float32Array.from(graph.getPoint(label));
    },
    search(query, k, accept) {
      if (query.length !== dims) throw new Error(`query has ${query.length} dimensions, index has ${dims}`);
      const live = present.size - deleted.size;
      if (live === 0 || k <= 0) return [];
      // Deleted labels are marked in the graph, which skips them itself: a filter function is a
      // call from native code into JS for every node visited, so one is passed only when asked.
      const { neighbors, distances } = accept ? graph.searchKnn(toArray(query), Math.min(k, live), accept) : graph.searchKnn(toArray(query), Math.min(k, live));
      return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
    },
    save(file) {
      graph.writeIndexSync(file);
    },
    close() {
      stored?.close();
    },
  };
}
