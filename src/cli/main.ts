import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { askCommand } from './commands/askCommand.ts';
import { chatCommand } from './commands/chatCommand.ts';
import { evalCommand } from './commands/evalCommand.ts';
import { ingestCommand } from './commands/ingestCommand.ts';
import { searchCommand } from './commands/searchCommand.ts';
import { verifyIndexCommand } from './commands/verifyIndexCommand.ts';
import { UsageError } from './usageError.ts';

/**
 * One entry, five subcommands (`npm run ingest|ask|search|chat|eval -- …`). Flags are parsed
 * with node:util parseArgs (strict: an unknown flag is an error, not silently ignored).
 */
const USAGE = `usage:
  npm run ingest -- [--corpus <dir|file.jsonl>] [--index <dir>] [--embedder auto|minilm|hashed] [--rebuild]
  npm run ask    -- [--index dir] [--corpus dir] [--json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] "question"
  npm run search -- [--index dir] [--corpus dir] [--json] [--limit n] [--since d] [--until d] "query"
  npm run chat   -- [--index dir] [--corpus dir] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--watch]
  npm run verify-index -- [--index dir]
  npm run eval   -- --questions <file.jsonl> [--index dir] [--corpus dir] [--out results.jsonl] [--curve] [--near-misses]`;

const OPTIONS = {
  corpus: { type: 'string' },
  index: { type: 'string' },
  embedder: { type: 'string' },
  rebuild: { type: 'boolean' },
  json: { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  limit: { type: 'string' },
  questions: { type: 'string' },
  out: { type: 'string' },
  curve: { type: 'boolean' },
  'near-misses': { type: 'boolean' },
  watch: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values: flags, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  if (flags.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'ingest':
      return ingestCommand(config, flags);
    case 'ask':
      return askCommand(config, flags, positionals);
    case 'search':
      return searchCommand(config, flags, positionals);
    case 'chat':
      return chatCommand(config, flags);
    case 'eval':
      return evalCommand(config, flags);
    case 'verify-index':
      return verifyIndexCommand(config, flags);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error & { code?: string }) => {
    const usage = error instanceof UsageError || error.code?.startsWith('ERR_PARSE_ARGS');
    console.error(`error: ${error.message}${usage ? `\n${USAGE}` : ''}`);
    if (!usage && !error.code && process.env.DEBUG) console.error(error.stack);
    process.exitCode = usage ? 2 : 1;
  },
);
