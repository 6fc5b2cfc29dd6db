import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { TSX_EXEC_ARGV } from './createShardManager.ts';

/**
 * Builds or refreshes the index in a child process (buildIndexProcess.ts) and waits for it: the
 * manager is the only writer of `INDEX_DIR`, yet never holds the archive in its own memory.
 */
export async function buildIndexFirst(): Promise<void> {
  const child = fork(fileURLToPath(new URL('./buildIndexProcess.ts', import.meta.url)), [], { execArgv: [...TSX_EXEC_ARGV], stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`building the index failed (${signal ? `signal ${signal}` : `exit code ${code}`}); the reason is logged above`);
}
