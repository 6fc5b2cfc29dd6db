/** Options for {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Tokens refilled per minute. @default 16 */
  perMinute: number;
  /** Bucket size: questions a user may ask at once. @default 8 */
  burst: number;
  /** Most users tracked; the least recently seen are dropped past it. @default 10000 */
  maxUsers: number;
  /** Clock in milliseconds (tests pass their own). @default Date.now */
  now: () => number;
}

/**
 * 8 at once, refilled at 16 a minute: any 8 questions within 30 seconds are answered (see
 * {@link RateLimiter}), and a sustained flood is held to one question every 3.75 s.
 */
export const DEFAULT_RATE_LIMITER_OPTIONS: Readonly<RateLimiterOptions> = Object.freeze({
  perMinute: 16,
  burst: 8,
  maxUsers: 10_000,
  now: () => Date.now(),
});

/**
 * `notify` is true for the first refusal of a throttled stretch: tell the user once, then stay
 * quiet. The stretch ends when the user's bucket is full again (they slowed down long enough
 * for every token to come back: 30 s with the defaults), so a flood gets one notice, not one
 * per trickled-in token.
 */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number; notify: boolean };

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** The user was told about the current throttled stretch. */
  noticed: boolean;
}

/**
 * A token bucket per key (user id): each question takes a token; tokens refill steadily up to
 * `burst`. With `burst` = N and `perMinute` = N per T minutes, every sequence with at most N
 * questions in any T-long window is admitted (tokens only go to answered questions, and a
 * window of length kT + ε has held at most N(k+1) questions, against N + N(k + ε/T) tokens), so
 * a conversation is never refused; only a flood is. Memory is bounded by `maxUsers` (a dropped
 * user just starts again with a full bucket).
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: Partial<RateLimiterOptions> = {}) {
    this.#options = { ...DEFAULT_RATE_LIMITER_OPTIONS, ...options };
    if (!(this.#options.perMinute > 0) || !(this.#options.burst >= 1)) {
      throw new RangeError(`rate limit needs perMinute > 0 and burst >= 1 (got ${this.#options.perMinute}, ${this.#options.burst})`);
    }
  }

  /** Takes one token for `key`, or says how long until one is available. */
  take(key: string): TakeResult {
    const { perMinute, burst, maxUsers, now } = this.#options;
    const t = now();
    const bucket = this.#buckets.get(key) ?? { tokens: burst, updatedAt: t, noticed: false };
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.updatedAt) * perMinute) / 60_000);
    bucket.updatedAt = t;
    if (bucket.tokens >= burst - 1e-9) bucket.noticed = false;
    // Re-insert so Map order is least-recently-seen first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > maxUsers) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    // The epsilon absorbs floating-point drift, so a token due exactly now counts as here.
    if (bucket.tokens >= 1 - 1e-9) {
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      return { ok: true };
    }
    const notify = !bucket.noticed;
    bucket.noticed = true;
    return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * 60_000) / perMinute), notify };
  }

  /** Users currently tracked (for tests and the benchmark). */
  get size(): number {
    return this.#buckets.size;
  }
}
