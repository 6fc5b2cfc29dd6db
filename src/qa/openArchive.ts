import { resolve } from 'node:path';
import { analyzeTerms, countTerms } from '../analyze/analyzeTerms.ts';
import { displayPath } from '../corpus/loadArticles.ts';
import { DEFAULT_LOADERS, openQueryEmbedder, type EmbedderLoaders } from '../embed/chooseEmbedder.ts';
import type { EmbedderChoice } from '../embed/types.ts';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { prepareIndex, type LoadedIndex } from '../store/loadedIndex.ts';
import { openStore } from '../store/openStore.ts';
import { liveBuildName, readBuild } from '../store/readBuild.ts';
import { answerQuestion, type AnswerSettings } from './answer/answerQuestion.ts';
import { toSource } from './answer/cite.ts';
import { LiveIndex } from './liveIndex.ts';
import { cleanQuestion } from './question/cleanQuestion.ts';
import { correctSpelling } from './question/correctSpelling.ts';
import { ConversationMemory, type MemoryOptions } from './question/conversationMemory.ts';
import { withinBounds } from './question/questionDates.ts';
import { archiveSpelling } from './retrieve/archiveSpelling.ts';
import { diversify, retrieveChunks } from './retrieve/retrieveChunks.ts';
import type { Archive, ArchiveStats, Passage, SearchResult } from './types.ts';

export interface OpenArchiveOptions {
  indexDir: string;
  /** When given, the index is (re)built from it first if missing or out of date. */
  corpusDir?: string;
  /**
   * Whether the user chose `corpusDir` (a flag or CORPUS_DIR) rather than it being the default.
   * An index built from another corpus is then rebuilt from this one; otherwise it is kept,
   * and a notice says which corpus it holds and what to set. @default true
   */
  corpusChosen?: boolean;
  /** Backend for a build. @default 'auto' */
  embedder?: EmbedderChoice;
  loaders?: EmbedderLoaders;
  /** One-line notices (building, the MiniLM fallback, a new build swapped in). */
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** Called when a build ran (not when the index was already up to date). */
  onBuilt?: (summary: IngestSummary) => void;
  /**
   * Look for a new build (`npm run ingest` in another terminal, or a corpus watcher) every
   * this many milliseconds and swap it in without a restart; 0 = never. @default 0
   */
  watchIndexMs?: number;
  /** Called after a new build was swapped in. */
  onReload?: (stats: ArchiveStats) => void;
  settings?: AnswerSettings;
  memory?: Partial<MemoryOptions>;
}

/** The loaded archive, plus its index for tools (eval, benchmarks) that look inside. */
export interface OpenedArchive extends Archive {
  /** The index questions are answered from now (it changes when a new build is swapped in). */
  readonly index: LoadedIndex;
  /** Load the live build now if it is not the one in use; true when it swapped. */
  reload(): Promise<boolean>;
  /** Stop watching and close the index. */
  close(): void;
}

/**
 * Load an archive for questions, building or refreshing the index from the corpus first when
 * asked to (so a new user's first `ask` just works). Both faces call this, then `ask()`.
 */
export async function openArchive(options: OpenArchiveOptions): Promise<OpenedArchive> {
  const log = options.log ?? (() => {});
  const loaders = options.loaders ?? DEFAULT_LOADERS;
  if (options.corpusDir && (await mayRefresh(options, log))) {
    const summary = await ingest({ corpus: options.corpusDir, indexDir: options.indexDir, embedder: options.embedder, loaders, warn: log, onProgress: options.onProgress });
    if (!summary.upToDate) options.onBuilt?.(summary);
  }
  const load = async (): Promise<{ index: LoadedIndex; build: string | undefined }> => {
    const build = await liveBuildName(options.indexDir);
    const store = await openStore(options.indexDir);
    try {
      const embedder = await openQueryEmbedder(store.manifest.embedder, store.embedderState, loaders);
      return { index: prepareIndex(store, embedder), build };
    } catch (error) {
      store.close();
      throw error;
    }
  };
  const first = await load();
  const live = new LiveIndex(first.index);
  let loadedBuild = first.build;
  // Read WordNet's files now (about 30 ms) rather than during the first question.
  first.index.related('Where did the ministers quickly meet in the Russian capital?');
  const problem = first.index.lexiconProblem();
  if (problem) log(`warning: cannot read WordNet (${problem}); answering without related words. Reinstall with npm ci to restore them.`);
  const memory = new ConversationMemory(options.memory);

  const stats = (index: LoadedIndex): ArchiveStats => ({
    articles: index.store.articleCount,
    chunks: index.manifest.counts.chunks,
    sentences: index.manifest.counts.sentences,
    embedder: index.manifest.embedder.name,
    dims: index.manifest.embedder.dims,
    builtAt: index.manifest.builtAt,
    newestArticleDate: index.newestArticles(1)[0]?.date ?? null,
  });

  let reloading: Promise<boolean> | undefined;
  const reload = (): Promise<boolean> =>
    (reloading ??= (async () => {
      try {
        const build = await liveBuildName(options.indexDir);
        if (!build || build === loadedBuild) return false;
        const next = await load();
        live.swap(next.index);
        loadedBuild = next.build;
        log(`loaded the new index build (${next.index.manifest.builtAt}, ${next.index.store.articleCount} articles)`);
        options.onReload?.(stats(next.index));
        return true;
      } finally {
        reloading = undefined;
      }
    })());
  const timer =
    options.watchIndexMs && options.watchIndexMs > 0
      ? setInterval(() => {
          // A half-written or broken build is logged and retried at the next tick; the one in use stays.
          reload().catch((error: Error) => log(`warning: a new index build could not be loaded (${error.message}); still answering from the previous one`));
        }, options.watchIndexMs)
      : undefined;
  timer?.unref();

  return {
    get index() {
      return live.current;
    },
    reload,
    close() {
      if (timer) clearInterval(timer);
      live.close();
    },
    ask: (question, askOptions) => live.use((index) => answerQuestion(index, memory, question, askOptions, options.settings)),
    findSources: (claim, askOptions) =>
      live.use((index) => answerQuestion(index, memory, claim, { since: askOptions?.since, until: askOptions?.until }, options.settings, 'claim')),

    search: (query, searchOptions = {}) =>
      live.use(async (index): Promise<SearchResult> => {
        // Slips are read as the archive spells them, as ask() reads them; the result says so.
        const spelt = correctSpelling(cleanQuestion(query).text, archiveSpelling(index));
        const text = spelt.text;
        const terms = analyzeTerms(text);
        if (terms.length === 0) return { passages: [], readAs: [] };
        const [vector] = await index.embedder.embed([text]);
        const { since, until } = searchOptions;
        const acceptDoc = since || until ? (docId: string) => withinBounds(index.meta(docId)?.date ?? null, since, until) : undefined;
        const chunks = retrieveChunks(index, countTerms(terms), vector!, { ...options.settings?.retrieve, acceptDoc });
        const passages = diversify(index, chunks, searchOptions.limit ?? 5).flatMap((c): Passage[] => {
          const article = index.article(c.chunk.docId);
          if (!article) return [];
          return [{ docId: article.id, start: c.chunk.start, end: c.chunk.end, text: article.text.slice(c.chunk.start, c.chunk.end), score: Math.round(c.score * 1000) / 1000, source: toSource(article, 0) }];
        });
        return { passages, readAs: spelt.corrections };
      }),

    stats: () => stats(live.current),
    listArticles: () => live.current.store.catalog(),
    getArticle: (id) => live.current.article(id),

    passageAround(docId, start, end) {
      const text = live.current.article(docId)?.text;
      if (text === undefined || start < 0 || end > text.length || start > end) return undefined;
      const from = text.lastIndexOf('\n\n', start);
      const to = text.indexOf('\n\n', end);
      return text.slice(from === -1 ? 0 : from + 2, to === -1 ? text.length : to).trim();
    },

    forget: (conversationId) => memory.forget(conversationId),
  };
}

/**
 * Whether to refresh the index from `corpusDir`: yes, unless the index holds another corpus
 * and nobody chose this one (CORPUS_DIR left at its default), which would silently replace the
 * user's archive with the bundled seeds. Then it is kept, and the notice says what to set.
 */
async function mayRefresh(options: OpenArchiveOptions, log: (line: string) => void): Promise<boolean> {
  const built = await readBuild(options.indexDir).catch(() => undefined);
  if (!built || resolve(built.manifest.corpus.path) === resolve(options.corpusDir!)) return true;
  const held = displayPath(built.manifest.corpus.path);
  if (options.corpusChosen !== false) {
    log(`${options.indexDir} holds the index of ${held}; rebuilding it from ${options.corpusDir}`);
    return true;
  }
  log(
    `${options.indexDir} holds the index of ${held} (built ${built.manifest.builtAt}), not of ${options.corpusDir}: using it as it is. ` +
      `Set CORPUS_DIR=${held} (in .env) to keep it up to date, or run \`npm run ingest -- --corpus ${options.corpusDir}\` to index ${options.corpusDir} instead.`,
  );
  return false;
}
