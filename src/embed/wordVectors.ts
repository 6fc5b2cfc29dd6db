/**
 * Word vectors learned from the archive itself, with no downloaded weights: positive
 * pointwise mutual information over word co-occurrence in a window, reduced by a truncated
 * SVD (Levy, Goldberg & Dagan 2015, "Improving distributional similarity with lessons learned
 * from word embeddings": PPMI with context-distribution smoothing 0.75, eigenvalue weighting
 * p = 0.5). Words used in the same company get near vectors ("vaccine" near "immunization"),
 * so a text's vector (the IDF-weighted mean of its words') meets texts that say the same thing
 * in other words, which hashing words cannot. The SVD is randomised (Halko, Martinsson & Tropp
 * 2011) with a fixed seed: the same texts give the same vectors. Pure.
 */
export interface WordVectorOptions {
  /** Dimensions kept. @default 64 */
  dims: number;
  /** Words on each side that count as co-occurring. @default 5 */
  window: number;
  /** Most words given a vector (the most frequent). @default 20000 */
  vocabulary: number;
  /** A word needs at least this many texts to get a vector. @default 2 */
  minCount: number;
}

export const DEFAULT_WORD_VECTOR_OPTIONS: Readonly<WordVectorOptions> = Object.freeze({ dims: 64, window: 5, vocabulary: 20_000, minCount: 2 });

export interface WordVectors {
  words: string[];
  dims: number;
  /** Row-major: word i's unit vector is `vectors.subarray(i * dims, (i + 1) * dims)`. */
  vectors: Float32Array;
}

const OVERSAMPLE = 10;
const MIN_PAIR_COUNT = 2;
/** One power iteration: measured on SciFact, a second changes nDCG@10 by under 0.001 and costs a fifth of the fit. */
const POWER_ITERATIONS = 1;
const CONTEXT_SMOOTHING = 0.75;
const EIGEN_WEIGHT = 0.5;

/** Fit vectors on analysed texts (`analyzeTerms` per text). Undefined when the texts are too few to learn from. */
export function fitWordVectors(texts: ReadonlyArray<readonly string[]>, options: Partial<WordVectorOptions> = {}): WordVectors | undefined {
  const o = { ...DEFAULT_WORD_VECTOR_OPTIONS, ...options };
  const df = new Map<string, number>();
  for (const terms of texts) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const words = [...df]
    .filter(([, d]) => d >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, o.vocabulary)
    .map(([t]) => t);
  const n = words.length;
  const rank = o.dims + OVERSAMPLE;
  if (n < rank * 2) return undefined;
  const id = new Map(words.map((t, i) => [t, i]));

  // Co-occurrence counts of each unordered pair (symmetric), in a typed-array hash table.
  const counts = new PairCounter(n);
  const marginal = new Float64Array(n);
  const ids = new Int32Array(1024);
  for (const terms of texts) {
    const length = Math.min(terms.length, ids.length);
    for (let i = 0; i < length; i++) ids[i] = id.get(terms[i]!) ?? -1;
    for (let i = 0; i < length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (let j = i + 1; j <= Math.min(length - 1, i + o.window); j++) {
        const b = ids[j]!;
        if (b < 0 || b === a) continue;
        counts.add(a, b);
        marginal[a]! += 1;
        marginal[b]! += 1;
      }
    }
  }
  const context = Float64Array.from(marginal, (m) => m ** CONTEXT_SMOOTHING);
  const contextTotal = context.reduce((x, y) => x + y, 0);
  // PPMI as a sparse matrix (CSR, both halves). Pairs seen once are dropped: most pairs, and
  // the least reliable (a third of the product's cost for no measured gain on SciFact).
  const rowStart = new Int32Array(n + 1);
  counts.forEach((a, b, count) => {
    if (count < MIN_PAIR_COUNT) return;
    rowStart[a + 1]!++;
    rowStart[b + 1]!++;
  });
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const cols = new Int32Array(rowStart[n]!);
  const vals = new Float64Array(rowStart[n]!);
  const fill = rowStart.slice(0, n);
  const ppmi = (a: number, b: number, count: number) => Math.max(0, Math.log((count * contextTotal) / (marginal[a]! * context[b]!)));
  counts.forEach((a, b, count) => {
    if (count < MIN_PAIR_COUNT) return;
    let at = fill[a]!++;
    cols[at] = b;
    vals[at] = ppmi(a, b, count);
    at = fill[b]!++;
    cols[at] = a;
    vals[at] = ppmi(b, a, count);
  });

  // Matrices are n × rank, row-major, so a product walks memory in order.
  const multiply = (x: Float64Array): Float64Array => {
    const y = new Float64Array(n * rank);
    for (let i = 0; i < n; i++) {
      const yi = i * rank;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        const v = vals[p]!;
        if (v === 0) continue;
        const xj = cols[p]! * rank;
        for (let c = 0; c < rank; c++) y[yi + c]! += v * x[xj + c]!;
      }
    }
    return y;
  };
  const random = seededRandom(42);
  let q = orthonormalise(multiply(Float64Array.from({ length: n * rank }, () => random() - 0.5)), n, rank);
  for (let i = 0; i < POWER_ITERATIONS; i++) q = orthonormalise(multiply(q), n, rank);
  // The PPMI matrix is symmetric: its top eigenpairs come from the small matrix Qᵀ M Q.
  const mq = multiply(q);
  const small = Array.from({ length: rank }, (_, a) => Array.from({ length: rank }, (_, b) => columnDot(q, mq, n, rank, a, b)));
  const { values, vectors } = jacobiEigen(small);
  const order = values.map((v, i) => [Math.abs(v), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]).slice(0, o.dims);
  const out = new Float32Array(n * o.dims);
  order.forEach(([magnitude, e], k) => {
    const scale = magnitude ** EIGEN_WEIGHT;
    const coordinate = (i: number) => {
      let sum = 0;
      for (let a = 0; a < rank; a++) sum += q[i * rank + a]! * vectors[a]![e]!;
      return sum;
    };
    // A fixed sign per dimension (its first clear component positive): reproducible across runs.
    let sign = 0;
    for (let i = 0; i < n && sign === 0; i++) {
      const c = coordinate(i);
      if (Math.abs(c) > 1e-9) sign = c > 0 ? 1 : -1;
    }
    for (let i = 0; i < n; i++) out[i * o.dims + k] = coordinate(i) * scale * (sign || 1);
  });
  for (let i = 0; i < n; i++) normalise(out.subarray(i * o.dims, (i + 1) * o.dims));
  return { words, dims: o.dims, vectors: out };
}

/**
 * Counts of unordered word pairs in an open-addressing hash table over typed arrays: a
 * JavaScript Map of millions of number keys costs several times the time and memory.
 */
class PairCounter {
  private keys: Float64Array;
  private counts: Uint32Array;
  private size = 0;

  constructor(private readonly n: number) {
    this.keys = new Float64Array(1 << 16).fill(-1);
    this.counts = new Uint32Array(1 << 16);
  }

  add(x: number, y: number): void {
    const key = x < y ? x * this.n + y : y * this.n + x;
    let mask = this.keys.length - 1;
    let slot = hashKey(key) & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.counts[slot]!++;
        return;
      }
      if (k === -1) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.counts[slot] = 1;
    if (++this.size * 2 > this.keys.length) this.grow();
    mask = this.keys.length - 1;
  }

  /** Each pair (a < b) with its count, in table order (deterministic for the same additions). */
  forEach(visit: (a: number, b: number, count: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot]!;
      if (key === -1) continue;
      visit(Math.floor(key / this.n), key % this.n, this.counts[slot]!);
    }
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.counts = new Uint32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot]!;
      if (key === -1) continue;
      let to = hashKey(key) & mask;
      while (this.keys[to] !== -1) to = (to + 1) & mask;
      this.keys[to] = key;
      this.counts[to] = counts[slot]!;
    }
  }
}

function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  return Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> 0;
}

/**
 * A text's vector from its term counts (in the order the terms first occur): the mean of its
 * words' vectors weighted by `weightOf` (term frequency × IDF), unit length; zeros when no
 * word is known.
 */
export function countsVector(model: WordVectors, index: ReadonlyMap<string, number>, tf: ReadonlyMap<string, number>, weightOf: (term: string, tf: number) => number): Float32Array {
  const { dims, vectors } = model;
  const v = new Float32Array(dims);
  for (const [t, count] of tf) {
    const i = index.get(t);
    if (i === undefined) continue;
    const w = weightOf(t, count);
    // Indexed in place: a subarray per term was an allocation per word of every chunk.
    const at = i * dims;
    for (let k = 0; k < dims; k++) v[k]! += w * vectors[at + k]!;
  }
  return normalise(v);
}

/**
 * Gram–Schmidt on the columns of an n × rank row-major matrix, in place. The columns are
 * copied out first, so each pass reads contiguous memory.
 */
function orthonormalise(m: Float64Array, n: number, rank: number): Float64Array {
  const columns = Array.from({ length: rank }, (_, c) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = m[i * rank + c]!;
    return col;
  });
  for (let c = 0; c < rank; c++) {
    const col = columns[c]!;
    for (let d = 0; d < c; d++) {
      const other = columns[d]!;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += col[i]! * other[i]!;
      for (let i = 0; i < n; i++) col[i]! -= dot * other[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) col[i]! /= norm;
  }
  for (let c = 0; c < rank; c++) {
    const col = columns[c]!;
    for (let i = 0; i < n; i++) m[i * rank + c] = col[i]!;
  }
  return m;
}

/** Dot product of column `a` of `x` and column `b` of `y` (both n × rank, row-major). */
function columnDot(x: Float64Array, y: Float64Array, n: number, rank: number, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i * rank + a]! * y[i * rank + b]!;
  return sum;
}

/** Eigenvalues and eigenvectors (as columns) of a small symmetric matrix, by cyclic Jacobi rotations. */
export function jacobiEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
  return v;
}

/** A linear congruential generator: deterministic, and enough for a random projection. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
