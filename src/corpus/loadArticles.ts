import { isAbsolute, relative } from 'node:path';
import { readCorpusFile } from './readCorpusFile.ts';
import { scanCorpus, type CorpusFile } from './scanCorpus.ts';
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
    for await (const article of articlesOfFile(file, displayPath(file.abs), idOwners, skipped)) articles.push(article);
  }
  return { articles, skipped };
}

/**
 * The articles of one corpus file, streamed, shown as `shown` in reasons. Bad files and lines
 * go to `skipped`; an id already in `idOwners` (id → the file that has it) is skipped too, the
 * first one wins; the ids read are added to it.
 */
export async function* articlesOfFile(file: CorpusFile, shown: string, idOwners: Map<string, string>, skipped: SkippedFile[]): AsyncGenerator<Article> {
  for await (const item of readCorpusFile(file, shown)) {
    if (item.skipped) {
      skipped.push(item.skipped);
      continue;
    }
    const owner = idOwners.get(item.article.id);
    if (owner !== undefined) {
      skipped.push({ file: item.where, reason: `duplicate id "${item.article.id}" (already used by ${owner}); give it a unique id` });
      continue;
    }
    idOwners.set(item.article.id, item.article.file);
    yield item.article;
  }
}

/** The path relative to the working directory when inside it, else absolute: short citations. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
