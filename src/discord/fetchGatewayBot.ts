import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';

/** What `GET /gateway/bot` says about sharding. */
export interface GatewayAdvice {
  /** Shards Discord recommends for the bot's guild count. */
  shards: number;
  /** Shards that may identify at once (per 5 s). */
  maxConcurrency: number;
}

/**
 * Asks the gateway how many shards to run, through the configured REST base (`DISCORD_API_URL`
 * when set). discord.js's ShardingManager asks discord.com directly when left on `'auto'`, so
 * the manager asks here and passes a number.
 */
export async function fetchGatewayBot(token: string, apiUrl?: string): Promise<GatewayAdvice> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  if (!(Number.isInteger(info.shards) && info.shards >= 1)) {
    throw new Error(`GET /gateway/bot recommended ${String(info.shards)} shards; expected a whole number of at least 1`);
  }
  return { shards: info.shards, maxConcurrency: Math.max(1, info.session_start_limit?.max_concurrency ?? 1) };
}
