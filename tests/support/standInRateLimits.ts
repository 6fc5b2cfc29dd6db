/**
 * Discord's per-route rate limits as the stand-in plays them for `POST /channels/:id/messages`.
 * Every answer carries the headers discord.js reads (`x-ratelimit-limit`, `-remaining`,
 * `-reset-after`, `-bucket`, `-scope`); a test can make the next few sends to a channel answer
 * 429 with `retry_after` (body) and `Retry-After` (header), in one of Discord's two shapes.
 */

/** The bucket hash Discord names the message route with (it arrives on the first response). */
export const MESSAGES_BUCKET = 'stand-in-messages-bucket';

export interface ForcedRateLimit {
  /** How many of the next sends to the channel are refused. */
  times: number;
  /** Seconds to wait, in `retry_after` and `Retry-After` (Discord sends decimals in the body). */
  retryAfterSeconds: number;
  /**
   * `bucket`: the route's bucket is spent (`x-ratelimit-remaining: 0`, `reset-after`), the usual
   * 429 for sending too fast in one channel. `shared`: a limit on the channel itself
   * (`x-ratelimit-scope: shared`), without remaining/reset headers.
   */
  kind: 'bucket' | 'shared';
}

export interface RateLimitVerdict {
  status: 200 | 429;
  headers: Record<string, string>;
  /** The 429 body; undefined for a send that goes through. */
  body?: { message: string; retry_after: number; global: false };
}

/** Per-channel forced 429s; every verdict carries Discord's rate-limit headers. */
export class ChannelRateLimits {
  readonly #forced = new Map<string, ForcedRateLimit>();

  force(channelId: string, limit: ForcedRateLimit): void {
    this.#forced.set(channelId, { ...limit });
  }

  /** What the stand-in answers to the next send to `channelId`. */
  verdict(channelId: string): RateLimitVerdict {
    const forced = this.#forced.get(channelId);
    if (forced && forced.times > 0) {
      forced.times -= 1;
      const seconds = String(forced.retryAfterSeconds);
      const headers: Record<string, string> =
        forced.kind === 'bucket'
          ? {
              'retry-after': seconds,
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': seconds,
              'x-ratelimit-bucket': MESSAGES_BUCKET,
              'x-ratelimit-scope': 'user',
            }
          : { 'retry-after': seconds, 'x-ratelimit-bucket': MESSAGES_BUCKET, 'x-ratelimit-scope': 'shared' };
      return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: forced.retryAfterSeconds, global: false } };
    }
    // Plenty left: discord.js never waits pre-emptively on these.
    return {
      status: 200,
      headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '1', 'x-ratelimit-bucket': MESSAGES_BUCKET },
    };
  }
}
