import type { Config } from '../../config.ts';
import { formatAnswer } from '../formatForTerminal.ts';
import { openForCli } from '../openForCli.ts';
import { UsageError } from '../usageError.ts';
import { checkIsoDate } from '../checkIsoDate.ts';

export async function askCommand(
  config: Config,
  flags: { index?: string; corpus?: string; json?: boolean; since?: string; until?: string },
  words: string[],
): Promise<number> {
  const question = words.join(' ');
  if (!question.trim()) throw new UsageError('no question given: npm run ask -- "Where did Jaishankar meet Lavrov in July 2024?"');
  const archive = await openForCli(config, flags);
  const answer = await archive.ask(question, { since: checkIsoDate('since', flags.since), until: checkIsoDate('until', flags.until) });
  console.log(flags.json ? JSON.stringify(answer) : formatAnswer(answer));
  return 0;
}
