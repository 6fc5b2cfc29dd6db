// Preloaded into every Node process of a bot under benchmark (NODE_OPTIONS=--import=<this file>),
// the ShardingManager's children included (they inherit the environment). When the benchmark
// writes a new tag to $BENCH_PROBE_DIR/request, each process runs a full GC and writes its memory
// to $BENCH_PROBE_DIR/<tag>-<pid>.json. Benchmark-only: the bot never loads it by itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.BENCH_PROBE_DIR;
// Worker threads (esbuild's, under tsx) load preloads too; heap figures are per thread, so only
// the main thread reports.
if (dir && isMainThread) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const read = () => {
    try {
      return readFileSync(join(dir, 'request'), 'utf8');
    } catch {
      return '';
    }
  };
  let seen = read();
  setInterval(() => {
    const tag = read();
    if (!tag || tag === seen) return;
    seen = tag;
    gc();
    const m = process.memoryUsage();
    const report = { pid: process.pid, ppid: process.ppid, argv: process.argv.slice(1), shard: process.env.SHARDS ?? null, rss: m.rss, heapUsed: m.heapUsed, external: m.external };
    writeFileSync(join(dir, `${tag}-${process.pid}.json`), JSON.stringify(report));
  }, 100).unref();
}
