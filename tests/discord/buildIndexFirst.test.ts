import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndexFirst, StoppedWhileBuilding } from '../../src/discord/buildIndexFirst.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A stand-in for the index build: says it started, then works for a minute unless stopped. */
async function slowBuild(): Promise<{ script: string; started: string; finished: string }> {
  dir = await mkdtemp(join(tmpdir(), 'archivist-build-first-'));
  const started = join(dir, 'started');
  const finished = join(dir, 'finished');
  const script = join(dir, 'build.mjs');
  await writeFile(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(started)}, '');\nsetTimeout(() => writeFileSync(${JSON.stringify(finished)}, ''), 60_000);\n`);
  return { script, started, finished };
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 20));
};

describe('buildIndexFirst', () => {
  it('passes a SIGTERM sent to the manager on to the build child, and says it stopped', async () => {
    const { script, started, finished } = await slowBuild();
    const signals = new EventEmitter();
    const building = buildIndexFirst(script, signals as unknown as NodeJS.Process);
    await until(() => existsSync(started));
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(building).rejects.toBeInstanceOf(StoppedWhileBuilding);
    expect(existsSync(finished)).toBe(false);
    // The manager's handlers are removed once the child is gone.
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
  });

  it('reports a build that failed with its exit code', async () => {
    dir = await mkdtemp(join(tmpdir(), 'archivist-build-first-'));
    const script = join(dir, 'fail.mjs');
    await writeFile(script, 'process.exit(3);\n');
    await expect(buildIndexFirst(script, new EventEmitter() as unknown as NodeJS.Process)).rejects.toThrow(/exit code 3/);
  });
});
