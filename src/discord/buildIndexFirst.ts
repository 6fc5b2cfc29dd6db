import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { TSX_EXEC_ARGV } from './createShardManager.ts';

const BUILD_PROCESS = fileURLToPath(new URL('./buildIndexProcess.ts', import.meta.url));
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** The build child ended on a stop signal the manager passed on: stop quietly, nothing failed. */
export class StoppedWhileBuilding extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal} while building the index; the previous index, if any, is unchanged`);
  }
}

/**
 * Builds or refreshes the index in a child process (buildIndexProcess.ts) and waits for it: the
 * manager is the only writer of `INDEX_DIR`, yet never holds the archive in its own memory.
 * A SIGINT or SIGTERM sent to the manager meanwhile (a service manager stopping it) is passed
 * on to the child, which would otherwise go on writing the index with no one waiting for it;
 * ingest is crash-safe, so the previous build stays live. `script` and `signals` are for tests.
 */
export async function buildIndexFirst(script: string = BUILD_PROCESS, signals: Pick<NodeJS.Process, 'on' | 'off'> = process): Promise<void> {
  const child = fork(script, [], { execArgv: [...TSX_EXEC_ARGV], stdio: 'inherit' });
  let stoppedBy: NodeJS.Signals | undefined;
  const forward = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    child.kill(signal);
  };
  for (const signal of STOP_SIGNALS) signals.on(signal, forward);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (stoppedBy) throw new StoppedWhileBuilding(stoppedBy);
    if (code !== 0) throw new Error(`building the index failed (${signal ? `signal ${signal}` : `exit code ${code}`}); the reason is logged above`);
  } finally {
    for (const signal of STOP_SIGNALS) signals.off(signal, forward);
  }
}
