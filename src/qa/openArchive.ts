import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import { DEFAULT_LOADERS, openQueryEmbedder, type EmbedderLoaders } from '../embed/chooseEmbedder.ts';
import type { EmbedderChoice } from '../embed/types.ts';
import { ingest, type IngestSummary } from '../ingest.ts';
import { countTerms } from '../store/lexicalIndex.ts';
import { loadIndex } from '../store/loadIndex.ts';
import { answerQuestion, type AnswerSettings } from './answer/answerQuestion.ts';
import { toSource } from './answer/cite.ts';
import { cleanQuestion } from './question/cleanQuestion.ts';
import { ConversationMemory, type MemoryOptions } from './question/conversationMemory.ts';
import { prepareIndex, type LoadedIndex } from '../store/loadedIndex.ts';
import { withinBounds } from './question/questionDates.ts';
import { diversify, retrieveChunks } from './retrieve/retrieveChunks.ts';
import type { Archive, ArchiveStats, Passage } from './types.ts';

export interface OpenArchiveOptions {
  indexDir: string;
  /** When given, the index is (re)built from it first if missing or out of date. */
  corpusDir?: string;
  /** Backend for a build. @default 'auto' */
  embedder?: EmbedderChoice;
  loaders?: EmbedderLoaders;
  /** One-line notices (building, the MiniLM fallback). */
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** Called when a build ran (not when the index was already up to date). */
  onBuilt?: (summary: IngestSummary) => void;
  settings?: AnswerSettings;
  memory?: Partial<MemoryOptions>;
}

/** The loaded archive, plus its index for tools (eval, benchmarks) that look inside. */
export interface OpenedArchive extends Archive {
  readonly index: LoadedIndex;
}

/**
 * Load an archive for questions, building or refreshing the index from the corpus first when
 * asked to (so a new user's first `ask` just works). Both faces call this, then `ask()`.
 */
export async function openArchive(options: OpenArchiveOptions): Promise<OpenedArchive> {
  const log = options.log ?? (() => {});
  const loaders = options.loaders ?? DEFAULT_LOADERS;
  if (options.corpusDir) {
    const summary = await ingest({
      corpus: options.corpusDir,
      indexDir: options.indexDir,
      embedder: options.embedder,
      loaders,
      warn: log,
      onProgress: options.onProgress,
    });
    if (!summary.upToDate) options.onBuilt?.(summary);
  }
  const data = await loadIndex(options.indexDir);
  const embedder = await openQueryEmbedder(data.manifest.embedder, data.embedderState, loaders);
  const index = prepareIndex(data, embedder);
  // Read WordNet's files now (about 30 ms) rather than during the first question.
  index.related('Where did the ministers quickly meet in the Russian capital?');
  const problem = index.lexiconProblem();
  if (problem) log(`warning: cannot read WordNet (${problem}); answering without related words. Reinstall with npm ci to restore them.`);
  const memory = new ConversationMemory(options.memory);

  return {
    index,
    ask: (question, askOptions) => answerQuestion(index, memory, question, askOptions, options.settings),
    findSources: (claim, askOptions) => answerQuestion(index, memory, claim, { since: askOptions?.since, until: askOptions?.until }, options.settings, 'claim'),

    async search(query, searchOptions = {}) {
      const { text } = cleanQuestion(query);
      const terms = analyzeTerms(text);
      if (terms.length === 0) return [];
      const [vector] = await embedder.embed([text]);
      const { since, until } = searchOptions;
      const acceptDoc = since || until ? (docId: string) => withinBounds(index.articleById.get(docId)?.date ?? null, since, until) : undefined;
      const chunks = retrieveChunks(index, countTerms(terms), vector!, { ...options.settings?.retrieve, acceptDoc });
      return diversify(index, chunks, searchOptions.limit ?? 5).map((c): Passage => {
        const article = index.articleById.get(c.chunk.docId)!;
        return {
          docId: article.id,
          start: c.chunk.start,
          end: c.chunk.end,
          text: article.text.slice(c.chunk.start, c.chunk.end),
          score: Math.round(c.score * 1000) / 1000,
          source: toSource(article, 0),
        };
      });
    },

    stats(): ArchiveStats {
      return {
        articles: data.articles.length,
        chunks: data.chunks.length,
        sentences: data.sentences.length,
        embedder: data.manifest.embedder.name,
        dims: data.manifest.embedder.dims,
        builtAt: data.manifest.builtAt,
        newestArticleDate: index.newestArticles(1)[0]?.date ?? null,
      };
    },

    listArticles: () => index.newestArticles(Infinity, () => true, true),
    getArticle: (id) => index.articleById.get(id),

    passageAround(docId, start, end) {
      const text = index.articleById.get(docId)?.text;
      if (text === undefined || start < 0 || end > text.length || start > end) return undefined;
      const from = text.lastIndexOf('\n\n', start);
      const to = text.indexOf('\n\n', end);
      return text.slice(from === -1 ? 0 : from + 2, to === -1 ? text.length : to).trim();
    },

    forget: (conversationId) => memory.forget(conversationId),
  };
}
