import { stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { CorpusError } from './errors.ts';
import { listCorpusFiles } from './listCorpusFiles.ts';

/** A corpus file as a scan sees it: where it is, its path inside the corpus, and what changes when it changes. */
export interface CorpusFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the corpus root, with `/` separators: the file's identity across moves of the folder. */
  rel: string;
  size: number;
  mtimeMs: number;
}

export interface CorpusScan {
  /** The folder the corpus lives in (for a single file, its folder). */
  root: string;
  files: CorpusFile[];
}

/**
 * List a corpus (a folder, read recursively in path order, or one file) with each file's size
 * and modification time, reading no content: ingest compares them with the previous build to
 * find what changed, so an unchanged archive of 100,000 files costs one `stat` each.
 */
export async function scanCorpus(path: string): Promise<CorpusScan> {
  const target = resolve(path);
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new CorpusError('CORPUS_NOT_FOUND', `corpus not found: "${path}" (${target}) does not exist; pass --corpus <dir|file.jsonl> or set CORPUS_DIR`);
    }
    throw error;
  });
  const root = info.isDirectory() ? target : dirname(target);
  const paths = info.isDirectory() ? await listCorpusFiles(target) : [target];
  const files: CorpusFile[] = [];
  for (const abs of paths) {
    const s = await stat(abs).catch(() => undefined);
    files.push({ abs, rel: info.isDirectory() ? relative(root, abs).split(sep).join('/') : basename(abs), size: s?.size ?? -1, mtimeMs: s?.mtimeMs ?? -1 });
  }
  return { root, files };
}
