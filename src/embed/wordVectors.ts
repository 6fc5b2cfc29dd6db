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
const POWER_ITERATIONS = 2;
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

  // Co-occurrence counts, symmetric, keyed a·n + b.
  const counts = new Map<number, number>();
  const marginal = new Float64Array(n);
  for (const terms of texts) {
    const ids = terms.map((t) => id.get(t) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (let j = i + 1; j <= Math.min(ids.length - 1, i + o.window); j++) {
        const b = ids[j]!;
        if (b < 0 || b === a) continue;
        counts.set(a * n + b, (counts.get(a * n + b) ?? 0) + 1);
        counts.set(b * n + a, (counts.get(b * n + a) ?? 0) + 1);
        marginal[a]! += 1;
        marginal[b]! += 1;
      }
    }
  }
  const context = Float64Array.from(marginal, (m) => m ** CONTEXT_SMOOTHING);
  const contextTotal = context.reduce((a, b) => a + b, 0);
  // PPMI as a sparse matrix (CSR), rows in order.
  const rowStart = new Int32Array(n + 1);
  for (const key of counts.keys()) rowStart[Math.floor(key / n) + 1]!++;
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const cols = new Int32Array(counts.size);
  const vals = new Float64Array(counts.size);
  const fill = rowStart.slice(0, n);
  const keys = [...counts.keys()].sort((x, y) => x - y);
  for (const key of keys) {
    const a = Math.floor(key / n);
    const b = key % n;
    const pmi = Math.log((counts.get(key)! * contextTotal) / (marginal[a]! * context[b]!));
    const at = fill[a]!++;
    cols[at] = b;
    vals[at] = pmi > 0 ? pmi : 0;
  }
  counts.clear();

  const multiply = (x: Float64Array[]): Float64Array[] => {
    const y = x.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        const v = vals[p]!;
        if (v === 0) continue;
        const j = cols[p]!;
        for (let c = 0; c < x.length; c++) y[c]![i]! += v * x[c]![j]!;
      }
    }
    return y;
  };
  const random = seededRandom(42);
  let q = orthonormalise(multiply(Array.from({ length: rank }, () => Float64Array.from({ length: n }, () => random() - 0.5))));
  for (let i = 0; i < POWER_ITERATIONS; i++) q = orthonormalise(multiply(q));
  // The PPMI matrix is symmetric: its top eigenpairs come from the small matrix Qᵀ M Q.
  const mq = multiply(q);
  const small = q.map((qa) => mq.map((mb) => dotProduct(qa, mb)));
  const { values, vectors } = jacobiEigen(small);
  const order = values.map((v, i) => [Math.abs(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, o.dims);
  const out = new Float32Array(n * o.dims);
  order.forEach(([magnitude, e], k) => {
    const scale = magnitude ** EIGEN_WEIGHT;
    // A fixed sign per dimension (largest component positive): reproducible across runs.
    let sign = 0;
    for (let i = 0; i < n && sign === 0; i++) {
      let s = 0;
      for (let a = 0; a < rank; a++) s += q[a]![i]! * vectors[a]![e]!;
      if (Math.abs(s) > 1e-9) sign = s > 0 ? 1 : -1;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let a = 0; a < rank; a++) s += q[a]![i]! * vectors[a]![e]!;
      out[i * o.dims + k] = s * scale * (sign || 1);
    }
  });
  for (let i = 0; i < n; i++) normalise(out.subarray(i * o.dims, (i + 1) * o.dims));
  return { words, dims: o.dims, vectors: out };
}

/** A text's vector: the mean of its words' vectors weighted by `weight` (term frequency × IDF), unit length; zeros when no word is known. */
export function textVector(model: WordVectors, index: ReadonlyMap<string, number>, terms: readonly string[], weightOf: (term: string, tf: number) => number): Float32Array {
  const v = new Float32Array(model.dims);
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, count] of tf) {
    const i = index.get(t);
    if (i === undefined) continue;
    const w = weightOf(t, count);
    const row = model.vectors.subarray(i * model.dims, (i + 1) * model.dims);
    for (let k = 0; k < model.dims; k++) v[k]! += w * row[k]!;
  }
  return normalise(v);
}

function orthonormalise(columns: Float64Array[]): Float64Array[] {
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    for (let d = 0; d < c; d++) {
      const dot = dotProduct(col, columns[d]!);
      const other = columns[d]!;
      for (let i = 0; i < col.length; i++) col[i]! -= dot * other[i]!;
    }
    const norm = Math.sqrt(dotProduct(col, col)) || 1;
    for (let i = 0; i < col.length; i++) col[i]! /= norm;
  }
  return columns;
}

function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
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
