import { createInterface } from 'node:readline/promises';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import { formatAnswer } from '../formatForTerminal.ts';
import { checkIsoDate } from '../checkIsoDate.ts';
import { openForCli } from '../openForCli.ts';

/** An interactive conversation: one conversation id for the session, so follow-ups resolve. */
export async function chatCommand(config: Config, flags: { index?: string; corpus?: string; since?: string; until?: string }): Promise<number> {
  const bounds = { since: checkIsoDate('since', flags.since), until: checkIsoDate('until', flags.until) };
  const archive = await openForCli(config, flags);
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
  return 0;
}
