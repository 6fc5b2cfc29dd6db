import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { EMBEDDER_CHOICES, type EmbedderChoice } from './embed/types.ts';

/**
 * The only reader of process.env. `.env` is loaded once (dotenv, quietly; real environment
 * variables win), validated with zod, and frozen. Every key is listed in `.env.example`.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const idList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{5,25}$/, 'a Discord id is a number (snowflake)')));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** A whole number of questions from 1 to 10000; empty means the default. */
function rateLimitNumber(what: string, fallback: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return fallback;
      const n = Number(v.trim());
      if (Number.isInteger(n) && n >= 1 && n <= 10_000) return n;
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a whole number of ${what} from 1 to 10000 (empty = ${fallback})` });
      return z.NEVER;
    });
}

const schema = z.object({
  // Unset means the bundled seeds, and an index of another corpus is then kept, not replaced.
  CORPUS_DIR: optionalString,
  INDEX_DIR: z.string().default('index'),
  EMBEDDER: z.enum(EMBEDDER_CHOICES as [EmbedderChoice, ...EmbedderChoice[]]).default('auto'),
  MODEL_CACHE_DIR: z.string().default('.cache/models'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Empty means the learned threshold (src/qa/answer/abstention.json, refit by `npm run train`), not 0.
  ABSTAIN_BELOW: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v) : undefined))
    .pipe(z.number().min(0).max(1).optional()),

  DISCORD_TOKEN: optionalString,
  DISCORD_GUILD_ID: optionalString,
  ASK_CHANNEL_IDS: idList.default([]),
  ANSWER_IN_THREAD: booleanString.default(false),
  DISCORD_API_URL: optionalString,
  // Fair use per Discord user (docs/discord.md): BURST questions at once, refilled at PER_MINUTE.
  // The defaults answer any 8 questions within 30 s and hold a flood to one every 3.75 s.
  RATE_LIMIT_PER_MINUTE: rateLimitNumber('questions refilled per minute', 16),
  RATE_LIMIT_BURST: rateLimitNumber('questions a user may ask at once', 8),
  FEEDBACK_FILE: z.string().default('feedback.jsonl'),

  // The bot and `npm run chat` look for a new index build this often and swap it in (0 = never).
  RELOAD_INDEX_SECONDS: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v) : 5))
    .pipe(z.number().min(0).max(86_400)),
  // true: the bot and `npm run chat` re-ingest CORPUS_DIR when its files change.
  WATCH_CORPUS: booleanString.default(false),
});

/** The corpus used when CORPUS_DIR is not set. */
export const DEFAULT_CORPUS_DIR = 'seeds';

export type Config = Readonly<
  Omit<z.output<typeof schema>, 'CORPUS_DIR'> & {
    CORPUS_DIR: string;
    /** Whether CORPUS_DIR was set (in the environment or .env) rather than left at its default. */
    CORPUS_DIR_CHOSEN: boolean;
  }
>;

/** A setting in the environment or `.env` has a value that cannot be used. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Parse a config from an environment map. Pure, so tests pass their own map; `loadConfig`
 * is the process-wide one.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new ConfigError(`invalid configuration (${problems}); fix it in .env (see .env.example)`);
  }
  const { CORPUS_DIR, ...rest } = result.data;
  return Object.freeze({ ...rest, CORPUS_DIR: CORPUS_DIR ?? DEFAULT_CORPUS_DIR, CORPUS_DIR_CHOSEN: CORPUS_DIR !== undefined });
}

let cached: Config | undefined;

/** The process configuration: `.env` loaded once, then validated. */
export function loadConfig(): Config {
  if (!cached) {
    loadDotenv({ quiet: true });
    cached = parseConfig(process.env);
  }
  return cached;
}

/**
 * For process entry points (`npm start`, `npm run register`): the configuration, or the
 * validation message on stderr and exit code 1 (a stack trace would bury the fix).
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
