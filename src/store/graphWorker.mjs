// The HNSW graph of a full build, grown on its own thread while the main thread reads,
// cleans and embeds the next articles (see backgroundGraph.ts). Plain JavaScript on purpose:
// a worker does not inherit the TypeScript loader in every runner (vitest, tsx, node).
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const { dims, capacity, m, efConstruction, seed } = workerData;
const graph = new hnswlib.HierarchicalNSW('cosine', dims);
graph.initIndex(Math.max(16, capacity), m, efConstruction, seed);
const scratch = new Array(dims).fill(0);

parentPort.on('message', (message) => {
  try {
    if (message.type === 'add') {
      const { labels, vectors } = message;
      for (let i = 0; i < labels.length; i++) {
        if (graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(Math.ceil(graph.getMaxElements() * 1.5) + 16);
        for (let d = 0; d < dims; d++) scratch[d] = vectors[i * dims + d];
        graph.addPoint(scratch, labels[i]);
      }
      parentPort.postMessage({ type: 'added', count: labels.length });
    } else if (message.type === 'save') {
      graph.writeIndexSync(message.file);
      // hnswlib writes through an ofstream and says nothing when it cannot open the file.
      statSync(message.file);
      parentPort.postMessage({ type: 'saved' });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
