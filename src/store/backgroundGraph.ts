import { Worker } from 'node:worker_threads';
import { DEFAULT_HNSW_OPTIONS, RANDOM_SEED, type HnswOptions } from './vectorIndex.ts';

/**
 * A new HNSW graph built on a worker thread. Inserting is about a third of a full offline
 * build (hnswlib's `addPoint` is single-threaded and synchronous), so on a machine with two
 * cores it runs beside reading, cleaning and embedding instead of after them. Points are
 * inserted in the order they are added with the same seed as `createVectorIndex`, so the
 * graph is the one a synchronous build makes.
 */
export interface GraphBuilder {
  add(label: number, vector: Float32Array): void;
  /** Hand the buffered points to the worker; waits only while it is far behind (bounded memory). */
  settle(): Promise<void>;
  /** Write the graph (every point added so far) to `file`, then stop the worker. */
  save(file: string): Promise<void>;
  /** Stop the worker without saving (a failed build). */
  close(): void;
}

/** Points per message to the worker. */
const BATCH_POINTS = 2048;
/** Batches the worker may have queued before `settle` waits for it. */
const MAX_QUEUED = 8;

export function buildGraphInBackground(dims: number, capacity: number, options: HnswOptions = DEFAULT_HNSW_OPTIONS): GraphBuilder {
  const worker = new Worker(new URL('./graphWorker.mjs', import.meta.url), {
    workerData: { dims, capacity, m: options.m, efConstruction: options.efConstruction, seed: RANDOM_SEED },
  });
  let labels = new Float64Array(BATCH_POINTS);
  let vectors = new Float32Array(BATCH_POINTS * dims);
  let buffered = 0;
  let queued = 0;
  let failure: Error | undefined;
  let closed = false;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  let saving: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    failure ??= new Error(`building the vector graph failed: ${error.message}`);
    saving?.reject(failure);
    wake();
  };
  worker.on('message', (message: { type: string; message?: string }) => {
    if (message.type === 'added') queued--;
    if (message.type === 'saved') saving?.resolve();
    if (message.type === 'failed') fail(new Error(message.message));
    wake();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closed) fail(new Error(`the graph worker stopped (exit code ${code})`));
  });
  const next = () => new Promise<void>((resolve) => waiters.push(resolve));
  const check = () => {
    if (failure) throw failure;
  };
  const post = () => {
    if (buffered === 0) return;
    worker.postMessage({ type: 'add', labels: labels.subarray(0, buffered), vectors: vectors.subarray(0, buffered * dims) }, [labels.buffer, vectors.buffer]);
    queued++;
    labels = new Float64Array(BATCH_POINTS);
    vectors = new Float32Array(BATCH_POINTS * dims);
    buffered = 0;
  };

  return {
    add(label, vector) {
      check();
      if (vector.length !== dims) throw new Error(`vector has ${vector.length} dimensions, index has ${dims}`);
      labels[buffered] = label;
      vectors.set(vector, buffered * dims);
      if (++buffered === BATCH_POINTS) post();
    },
    async settle() {
      check();
      while (queued > MAX_QUEUED && !failure) await next();
      check();
    },
    async save(file) {
      check();
      post();
      const saved = new Promise<void>((resolve, reject) => (saving = { resolve, reject }));
      worker.postMessage({ type: 'save', file });
      try {
        await saved;
      } finally {
        this.close();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}
