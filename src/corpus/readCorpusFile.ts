import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanArticle } from './cleanArticle.ts';
import { decodeText } from './decodeText.ts';
import { parseFrontMatter } from './parseFrontMatter.ts';
import { parseJsonl } from './parseJsonl.ts';
import type { CorpusFile } from './scanCorpus.ts';
import type { Article, SkippedFile } from './types.ts';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/**
 * A `.txt` or `.md` file is one article: one larger than this is refused, not loaded whole
 * (a 200 MB dump in one text file is not an article).
 */
export const MAX_ARTICLE_FILE_BYTES = 10 * 2 ** 20;
/** A JSONL line (one article) longer than this is refused with its line number. */
export const MAX_JSONL_LINE_CHARS = 10 * 2 ** 20;

/** An article with where it was read (a file, or `file:line` in a JSONL file), or a part that could not be used. */
export type CorpusItem = { article: Article; where: string; skipped?: undefined } | { article?: undefined; skipped: SkippedFile };

/**
 * The articles of one corpus file, cleaned, or the reason each part cannot be used (empty,
 * binary, not UTF-8, unknown type, broken front matter, too large, a bad JSONL line). A JSONL
 * file is streamed line by line, so a dump of any size is read in bounded memory. `shown` is
 * how the file is named in citations and skip reasons; an article's `file` is `shown`, or
 * `shown#id` for a JSONL line. Duplicate ids across files are the caller's concern.
 */
export async function* readCorpusFile(file: CorpusFile, shown: string): AsyncGenerator<CorpusItem> {
  const ext = extname(file.abs).toLowerCase();
  if (ext === '.jsonl') {
    yield* readJsonlFile(file, shown);
    return;
  }
  if (!TEXT_EXTENSIONS.has(ext)) {
    yield { skipped: { file: shown, reason: `unsupported file type "${ext || '(none)'}"; use .txt, .md or .jsonl` } };
    return;
  }
  if (file.size > MAX_ARTICLE_FILE_BYTES) {
    yield {
      skipped: {
        file: shown,
        reason: `too large for one article (${mib(file.size)} MiB, the limit is ${mib(MAX_ARTICLE_FILE_BYTES)} MiB); split it into one file per article, or into a .jsonl file with one article per line`,
      },
    };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.abs);
  } catch (error) {
    yield { skipped: { file: shown, reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` } };
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield { skipped: { file: shown, reason: decoded.reason } };
    return;
  }
  const front = parseFrontMatter(decoded.text);
  if (!front.ok) {
    yield { skipped: { file: shown, reason: front.reason } };
    return;
  }
  const markdown = MARKDOWN_EXTENSIONS.has(ext) || front.hadFrontMatter;
  yield checked(cleanArticle({ id: fileStem(file.abs), file: shown, body: front.body, markdown, given: front.meta }), shown);
}

async function* readJsonlFile(file: CorpusFile, shown: string): AsyncGenerator<CorpusItem> {
  // A whole-file problem (UTF-16, binary) is said once, not once per line.
  const head = await readHead(file.abs);
  if (head === undefined) {
    yield { skipped: { file: shown, reason: 'cannot read' } };
    return;
  }
  if (head.length > 0) {
    const decoded = decodeText(head.subarray(0, lastWholeLine(head)));
    if (!decoded.ok && !decoded.reason.startsWith('not UTF-8') && !decoded.reason.startsWith('empty')) {
      yield { skipped: { file: shown, reason: decoded.reason } };
      return;
    }
  }
  const stream = createReadStream(file.abs);
  const failed = new Promise<NodeJS.ErrnoException>((resolve) => stream.once('error', resolve));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  let any = false;
  try {
    for await (const raw of lines) {
      number++;
      const line = number === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim() === '') continue;
      any = true;
      if (line.length > MAX_JSONL_LINE_CHARS) {
        yield { skipped: { file: `${shown}:${number}`, reason: `line too long (${mib(line.length)} M characters); one article per line, at most ${mib(MAX_JSONL_LINE_CHARS)} M` } };
        continue;
      }
      if (line.includes('\u0000')) {
        yield { skipped: { file: `${shown}:${number}`, reason: 'binary data (NUL byte); only UTF-8 text is read' } };
        continue;
      }
      // The stream decodes invalid UTF-8 to U+FFFD: a line holding one was not UTF-8.
      if (line.includes('\ufffd')) {
        yield { skipped: { file: `${shown}:${number}`, reason: 'not UTF-8 (an invalid byte); save the file as UTF-8' } };
        continue;
      }
      const { records, problems } = parseJsonl(line);
      for (const p of problems) yield { skipped: { file: `${shown}:${number}`, reason: p.reason } };
      for (const r of records) yield checked(cleanArticle({ id: r.id, file: `${shown}#${r.id}`, body: r.text, given: r.given }), `${shown}:${number}`);
    }
  } catch (error) {
    const cause = await Promise.race([failed, Promise.resolve(error as NodeJS.ErrnoException)]);
    yield { skipped: { file: shown, reason: `cannot read (${cause.code ?? String(cause)})` } };
    return;
  }
  if (!any) yield { skipped: { file: shown, reason: 'empty file' } };
}

/** The first 64 KiB of a file, or undefined when it cannot be read. */
async function readHead(path: string): Promise<Uint8Array | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Up to the last newline (so a multi-byte character cut at the end is not read as invalid). */
function lastWholeLine(bytes: Uint8Array): number {
  const at = bytes.lastIndexOf(0x0a);
  return at === -1 ? bytes.length : at + 1;
}

function checked(article: Article, where: string): CorpusItem {
  if (article.text === '') return { skipped: { file: where, reason: 'no article text left after removing front matter and page chrome' } };
  return { article, where };
}

function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
