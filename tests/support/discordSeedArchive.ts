import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../src/qa/openArchive.ts';
import type { Archive } from '../../src/qa/types.ts';

export const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

/**
 * The real archive over the five seeds, built into a temp dir with the offline hashed
 * embedder (no model download: tests talk to nothing but 127.0.0.1).
 */
export async function openSeedArchive(): Promise<{ archive: Archive; dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'archivist-discord-'));
  const archive = await openArchive({ indexDir: join(dir, 'index'), corpusDir: SEEDS_DIR, embedder: 'hashed' });
  return { archive, dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The seed files' raw text with whitespace collapsed, to check that quotes are verbatim. */
export async function seedTexts(): Promise<string[]> {
  const files = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => collapse(await readFile(join(SEEDS_DIR, f), 'utf8'))));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The quoted sentences of a formatted answer: `> ` lines, markers dropped, markdown unescaped. */
export function quotedSentences(content: string): string[] {
  return content
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2).replace(/(\s*\[\d+\])+$/, '').replace(/\\([\\*_`~|>#\-[\]()<:.])/g, '$1'));
}

/**
 * The archive with a switch: `failNextAsk()` makes the next `ask` throw once, the way a
 * handler error would look to the bot.
 */
export function withFailingAsk(archive: Archive): Archive & { failNextAsk(): void } {
  let fail = false;
  return {
    ask: (q, o) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('injected ask failure'));
      }
      return archive.ask(q, o);
    },
    findSources: (c, o) => archive.findSources(c, o),
    search: (q, o) => archive.search(q, o),
    stats: () => archive.stats(),
    listArticles: () => archive.listArticles(),
    getArticle: (id) => archive.getArticle(id),
    passageAround: (d, s, e) => archive.passageAround(d, s, e),
    forget: (id) => archive.forget(id),
    failNextAsk: () => {
      fail = true;
    },
  };
}
