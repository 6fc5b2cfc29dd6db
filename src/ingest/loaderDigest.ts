import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

let digest: Promise<string> | undefined;

/**
 * A hash of the corpus-loading code (`src/corpus/`) and the lockfile: when it changes (new
 * cleaning rules, sentence splitting, a parser upgrade), every file is read, split and embedded
 * again (ingest.ts): an unchanged file may now give other sentences. Read once per process.
 */
export function loaderDigest(): Promise<string> {
  digest ??= (async () => {
    const dir = new URL('../corpus/', import.meta.url);
    const names = (await readdir(dir)).sort();
    const hash = createHash('sha256');
    for (const name of names) hash.update(`${name}\0`).update(await readFile(new URL(name, dir)));
    const lock = await readFile(new URL('../../package-lock.json', import.meta.url)).catch(() => Buffer.from('no lockfile'));
    return hash.update(lock).digest('hex').slice(0, 24);
  })();
  return digest;
}
