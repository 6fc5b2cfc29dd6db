import type { Logger } from 'pino';

/**
 * On SIGINT or SIGTERM (once): run `stop`, then exit 0, or 1 if stopping failed. Every entry
 * point (`npm start`, the shard manager, a shard process) leaves this way.
 */
export function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** For entry points: log a failed start as fatal and leave, even if a client holds the event loop open. */
export function exitOnStartFailure(log: Logger, what: string) {
  return (err: unknown): void => {
    log.fatal({ err }, what);
    process.exitCode = 1;
    // Give pino a moment to flush, then leave.
    setTimeout(() => process.exit(1), 100).unref();
  };
}
