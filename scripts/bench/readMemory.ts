import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One process's memory after a full GC, as the probe (memoryProbe.mjs) reported it. */
export interface ProcessMemory {
  pid: number;
  /** What the process is: `bot`, `manager`, `shard N`, or `tsx wrapper`. */
  role: string;
  rssMB: number;
  heapMB: number;
}

interface ProbeReport {
  pid: number;
  argv: string[];
  shard: string | null;
  rss: number;
  heapUsed: number;
}

/** The process's job, from its command line (and SHARDS, for a shard process). */
function roleOf(report: ProbeReport): string {
  const line = report.argv.join(' ');
  if (/(\/\.bin\/tsx|tsx\/dist\/cli\.mjs)$/.test(report.argv[0] ?? '')) return 'tsx wrapper';
  if (line.includes('shardProcess.ts')) return `shard ${report.shard ?? '?'}`;
  if (line.includes('shardedMain.ts')) return 'manager';
  if (line.includes('main.ts')) return 'bot';
  return line.slice(0, 60);
}

/**
 * Asks every probed process for its memory (after GC) and collects `expected` reports, waiting
 * up to `timeoutMs`.
 */
export async function readMemory(probeDir: string, tag: string, expected: number, timeoutMs = 10_000): Promise<ProcessMemory[]> {
  await writeFile(join(probeDir, 'request'), tag);
  const deadline = Date.now() + timeoutMs;
  let files: string[] = [];
  while (Date.now() < deadline) {
    files = (await readdir(probeDir)).filter((f) => f.startsWith(`${tag}-`));
    if (files.length >= expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const reports: ProbeReport[] = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(probeDir, f), 'utf8'))));
  return reports
    .map((r) => ({ pid: r.pid, role: roleOf(r), rssMB: r.rss / 2 ** 20, heapMB: r.heapUsed / 2 ** 20 }))
    .sort((a, b) => a.role.localeCompare(b.role));
}
