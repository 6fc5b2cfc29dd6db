import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rateLimiter.ts';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the time until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('u').ok)).toEqual([true, true, true]);
    const refused = limiter.take('u');
    expect(refused).toEqual({ ok: false, retryAfterMs: 10_000 });
    now = 10_000;
    expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u').ok).toBe(false);
  });

  it('keeps a bucket per user', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, now: () => 0 });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
  });

  it('refills no higher than the burst', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 2, now: () => now });
    now = 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('u').ok)).toEqual([true, true, false]);
  });

  it('tracks at most maxUsers users', () => {
    const limiter = new RateLimiter({ maxUsers: 100, now: () => 0 });
    for (let i = 0; i < 1000; i++) limiter.take(`user${i}`);
    expect(limiter.size).toBe(100);
  });

  it('rejects nonsense settings', () => {
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow(RangeError);
  });
});
