/** Options for {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Tokens refilled per minute. @default 6 */
  perMinute: number;
  /** Bucket size: questions a user may ask at once. @default 3 */
  burst: number;
  /** Most users tracked; the least recently seen are dropped past it. @default 10000 */
  maxUsers: number;
  /** Clock in milliseconds (tests pass their own). @default Date.now */
  now: () => number;
}

export const DEFAULT_RATE_LIMITER_OPTIONS: Readonly<RateLimiterOptions> = Object.freeze({
  perMinute: 6,
  burst: 3,
  maxUsers: 10_000,
  now: () => Date.now(),
});

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A token bucket per key (user id): each question takes a token; tokens refill steadily up to
 * `burst`. Memory is bounded by `maxUsers` (a dropped user just starts with a full bucket).
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

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
    const perMs = perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, updatedAt: t };
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.updatedAt) * perMs);
    bucket.updatedAt = t;
    // Re-insert so Map order is least-recently-seen first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > maxUsers) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) };
  }

  /** Users currently tracked (for tests and the benchmark). */
  get size(): number {
    return this.#buckets.size;
  }
}
