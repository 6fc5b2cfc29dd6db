import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { cleanArticle } from './cleanArticle.ts';
import { decodeText } from './decodeText.ts';
import { listCorpusFiles } from './listCorpusFiles.ts';
import { CorpusError } from './errors.ts';
import { parseFrontMatter } from './parseFrontMatter.ts';
import { parseJsonl } from './parseJsonl.ts';
import type { Article, LoadResult, SkippedFile } from './types.ts';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/**
 * Load a corpus: a folder (read recursively, in path order so every run sees the same
 * articles) or one `.txt` / `.md` / `.jsonl` file. Files that cannot be used (empty, binary,
 * not UTF-8, unknown type, broken front matter, duplicate id) are listed in `skipped` with a
 * reason and the rest loads; dotfiles are ignored. Throws only when `path` does not exist.
 */
export async function loadArticles(path: string): Promise<LoadResult> {
  const root = resolve(path);
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new CorpusError(
        'CORPUS_NOT_FOUND',
        `corpus not found: "${path}" (${root}) does not exist; pass --corpus <dir|file.jsonl> or set CORPUS_DIR`,
      );
    }
    throw error;
  });
  const files = info.isDirectory() ? await listCorpusFiles(root) : [root];

  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const idOwners = new Map<string, string>();
  const add = (article: Article, where: string): void => {
    const owner = idOwners.get(article.id);
    if (owner !== undefined) {
      skipped.push({ file: where, reason: `duplicate id "${article.id}" (already used by ${owner}); give it a unique id` });
      return;
    }
    if (article.text === '') {
      skipped.push({ file: where, reason: 'no article text left after removing front matter and page chrome' });
      return;
    }
    idOwners.set(article.id, article.file);
    articles.push(article);
  };

  for (const file of files) {
    const shown = displayPath(file);
    const ext = extname(file).toLowerCase();
    if (ext !== '.jsonl' && !TEXT_EXTENSIONS.has(ext)) {
      skipped.push({ file: shown, reason: `unsupported file type "${ext || '(none)'}"; use .txt, .md or .jsonl` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      skipped.push({ file: shown, reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      skipped.push({ file: shown, reason: decoded.reason });
      continue;
    }
    if (ext === '.jsonl') {
      const { records, problems } = parseJsonl(decoded.text);
      for (const p of problems) skipped.push({ file: `${shown}:${p.line}`, reason: p.reason });
      for (const r of records) {
        add(cleanArticle({ id: r.id, file: `${shown}#${r.id}`, body: r.text, given: r.given }), `${shown}:${r.line}`);
      }
      continue;
    }
    const front = parseFrontMatter(decoded.text);
    if (!front.ok) {
      skipped.push({ file: shown, reason: front.reason });
      continue;
    }
    const id = fileStem(file);
    const markdown = MARKDOWN_EXTENSIONS.has(ext) || front.hadFrontMatter;
    add(cleanArticle({ id, file: shown, body: front.body, markdown, given: front.meta }), shown);
  }
  return { articles, skipped };
}

/** The path relative to the working directory when inside it, else absolute: short citations. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
