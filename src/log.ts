import pino from 'pino';

/**
 * One structured logger for the process (pino, to stderr so `--json` output on stdout stays
 * clean). Anything that looks like a Discord token is redacted, whatever key it sits under.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
      base: undefined,
    },
    pino.destination(2),
  );
}

export const log = createLogger();
