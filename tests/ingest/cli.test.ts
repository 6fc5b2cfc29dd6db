import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/openStore.ts';
import { copySeeds, makeTempDir, removeTempDirs } from './seedCorpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

afterEach(removeTempDirs);

function runIngest(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/main.ts', 'ingest', ...args], { cwd: ROOT, env: { ...process.env, EMBEDDER: 'hashed' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run ingest (CLI)', () => {
  it('prints the summary and exits 0', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('cli-index');
    const { code, stdout } = await runIngest(['--corpus', corpus, '--index', indexDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/5 articles/);
    expect(stdout).toMatch(/\d+ chunks/);
    expect(stdout).toMatch(/\d+ sentences/);
    expect(stdout).toMatch(/hashed \(256 dims\)/);
    expect(stdout).toMatch(/\d+\.\d+ s/);
    const store = await openStore(indexDir);
    expect(store.articleCount).toBe(5);
    store.close();
  });

  it('exits non-zero with the reasons when nothing can be ingested', async () => {
    const corpus = await makeTempDir('cli-bad');
    await writeFile(join(corpus, 'empty.txt'), '');
    await writeFile(join(corpus, 'scan.pdf'), '%PDF-1.4');
    const { code, stderr } = await runIngest(['--corpus', corpus, '--index', await makeTempDir('cli-index')]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('empty.txt');
    expect(stderr).toContain('scan.pdf');
  });
});
