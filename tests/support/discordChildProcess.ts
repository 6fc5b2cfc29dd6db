import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

/** Discord keys set empty, so a developer's own environment or .env cannot leak into a run. */
const CLEAN_DISCORD_ENV = {
  DISCORD_TOKEN: '',
  DISCORD_GUILD_ID: '',
  ASK_CHANNEL_IDS: '',
  ANSWER_IN_THREAD: 'false',
  DISCORD_API_URL: '',
  EMBEDDER: 'hashed',
};

export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code; kills the process if it runs past `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
}

/** Runs a TypeScript entry point with tsx, as `npm start` / `npm run register` do. */
export function runTsx(script: string, env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(TSX, [script, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...CLEAN_DISCORD_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited(timeoutMs = 60_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      return exit.finally(() => clearTimeout(timer));
    },
  };
}
