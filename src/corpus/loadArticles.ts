import { isAbsolute, relative } from 'node:path';
import { readCorpusFile } from './readCorpusFile.ts';
import { scanCorpus } from './scanCorpus.ts';
import type { Article, LoadResult, SkippedFile } from './types.ts';

/**
 * Load a whole corpus into memory: a folder (read recursively, in path order so every run sees
 * the same articles) or one `.txt` / `.md` / `.jsonl` file. Files that cannot be used are
 * listed in `skipped` with a reason and the rest loads; dotfiles are ignored; a repeated id is
 * skipped. Throws only when `path` does not exist. Ingest reads the corpus file by file
 * instead (src/ingest), so an archive need not fit in memory; this is for tools and tests.
 */
export async function loadArticles(path: string): Promise<LoadResult> {
  const { files } = await scanCorpus(path);
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const idOwners = new Map<string, string>();
  for (const file of files) {
    for await (const item of readCorpusFile(file, displayPath(file.abs))) {
      if (item.skipped) {
        skipped.push(item.skipped);
        continue;
      }
      const owner = idOwners.get(item.article.id);
      if (owner !== undefined) {
        skipped.push({ file: item.where, reason: duplicateIdReason(item.article.id, owner) });
        continue;
      }
      idOwners.set(item.article.id, item.article.file);
      articles.push(item.article);
    }
  }
  return { articles, skipped };
}

export function duplicateIdReason(id: string, owner: string): string {
  return `duplicate id "${id}" (already used by ${owner}); give it a unique id`;
}

/** The path relative to the working directory when inside it, else absolute: short citations. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
