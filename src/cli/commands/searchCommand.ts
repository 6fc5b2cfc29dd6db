import type { Config } from '../../config.ts';
import { formatSearchResult } from '../formatForTerminal.ts';
import { openForCli } from '../openForCli.ts';
import { UsageError } from '../usageError.ts';
import { checkIsoDate } from '../checkIsoDate.ts';

export async function searchCommand(
  config: Config,
  flags: { index?: string; corpus?: string; json?: boolean; limit?: string; since?: string; until?: string },
  words: string[],
): Promise<number> {
  const query = words.join(' ');
  if (!query.trim()) throw new UsageError('no query given: npm run search -- "SCO summit Goa"');
  const limit = flags.limit ? Number(flags.limit) : 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError(`--limit "${flags.limit}" must be a whole number from 1 to 50`);
  const archive = await openForCli(config, flags);
  const result = await archive.search(query, { limit, since: checkIsoDate('since', flags.since), until: checkIsoDate('until', flags.until) });
  console.log(flags.json ? JSON.stringify(result) : formatSearchResult(result));
  return 0;
}
