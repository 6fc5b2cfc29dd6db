import { createInterface } from 'node:readline/promises';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import { formatAnswer } from '../formatForTerminal.ts';
import { checkIsoDate } from '../checkIsoDate.ts';
import { loadersWithCache } from '../../embed/chooseEmbedder.ts';
import { watchCorpus } from '../../ingest/watchCorpus.ts';
import { openForCli } from '../openForCli.ts';

/**
 * An interactive conversation: one conversation id for the session, so follow-ups resolve. A
 * new index build (an ingest in another terminal, or `--watch` / WATCH_CORPUS re-ingesting the
 * corpus as its files change) is swapped in between questions, without a restart.
 */
export async function chatCommand(config: Config, flags: { index?: string; corpus?: string; since?: string; until?: string; watch?: boolean }): Promise<number> {
  const bounds = { since: checkIsoDate('since', flags.since), until: checkIsoDate('until', flags.until) };
  const archive = await openForCli(config, flags, true);
  const corpus = flags.corpus ?? (flags.index ? undefined : config.CORPUS_DIR);
  const stopWatching =
    (flags.watch || config.WATCH_CORPUS) && corpus
      ? await watchCorpus({
          corpus,
          indexDir: flags.index ?? config.INDEX_DIR,
          embedder: config.EMBEDDER,
          loaders: loadersWithCache(config.MODEL_CACHE_DIR),
          warn: (line) => console.error(line),
          onIngested: () => void archive.reload(),
          onError: (error) => console.error(`warning: updating the index failed (${error.message}); still answering from the last build`),
        })
      : undefined;
  const conversationId = `terminal:${randomUUID()}`;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const stats = archive.stats();
  console.log(`Archivist: ${stats.articles} articles (${stats.embedder}). Ask a question; /new forgets the conversation, /quit leaves.`);
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit' || input === '/exit') break;
    if (input === '/new') {
      archive.forget(conversationId);
      console.log('(conversation cleared)');
    } else if (input) {
      console.log(formatAnswer(await archive.ask(input, { ...bounds, conversationId })));
      console.log();
    }
    rl.prompt();
  }
  rl.close();
  stopWatching?.();
  archive.close();
  return 0;
}
