import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITER_OPTIONS, RateLimiter } from '../../src/discord/rateLimiter.ts';
import { mulberry32 } from '../support/mulberry32.ts';


/** Asks at each time (ms) with a clock that jumps there; the results in order. */
function askAt(limiter: RateLimiter, clock: { now: number }, times: number[], user = 'u') {
  return times.map((t) => {
    clock.now = t;
    return limiter.take(user);
  });
}

/** The most questions in any window [t, t + 30 s). */
function busiestWindow(times: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 30_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the time until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('u').ok)).toEqual([true, true, true]);
    expect(limiter.take('u')).toEqual({ ok: false, retryAfterMs: 10_000, notify: true });
    now = 10_000;
    expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u').ok).toBe(false);
  });

  it('defaults to 8 at once, refilled at 16 a minute (8 per 30 s)', () => {
    expect([DEFAULT_RATE_LIMITER_OPTIONS.burst, DEFAULT_RATE_LIMITER_OPTIONS.perMinute]).toEqual([8, 16]);
  });

  it('answers a conversation of 8 questions within 30 s in any rhythm, with the defaults', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter({ now: () => clock.now });
    // All at once; then 8 more as soon as the window allows; then one every 3.75 s for 10 minutes.
    const steady = Array.from({ length: 160 }, (_, i) => 60_000 + i * 3750);
    const times = [...Array(8).fill(0), ...Array(8).fill(30_000), ...steady];
    expect(busiestWindow(times)).toBe(8);
    expect(askAt(limiter, clock, times).every((r) => r.ok)).toBe(true);
  });

  it('answers 500 random conversations that never exceed 8 questions in 30 s', () => {
    const random = mulberry32(25);
    for (let run = 0; run < 500; run++) {
      const clock = { now: 0 };
      const limiter = new RateLimiter({ now: () => clock.now });
      const times: number[] = [];
      let t = 0;
      while (times.length < 60) {
        // Bursts of quick follow-ups, then pauses; a question is kept only if the window allows it.
        t += random() < 0.7 ? Math.floor(random() * 2000) : Math.floor(random() * 40_000);
        if (busiestWindow([...times, t]) <= 8) times.push(t);
      }
      const refused = askAt(limiter, clock, times).findIndex((r) => !r.ok);
      expect(refused, `run ${run}: question ${refused} at ${times[refused]} ms refused`).toBe(-1);
    }
  });

  it('throttles a flood of 30 questions in 10 s, and notifies only once for the whole stretch', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter({ now: () => clock.now });
    const results = askAt(limiter, clock, Array.from({ length: 30 }, (_, i) => Math.round((i * 10_000) / 30)));
    const answered = results.filter((r) => r.ok).length;
    expect(answered).toBeGreaterThanOrEqual(8);
    expect(answered).toBeLessThanOrEqual(11); // 8 at once + 16/min × 10 s
    expect(results.filter((r) => !r.ok && r.notify)).toHaveLength(1);
    // Still flooding a little later: no second notice.
    expect(askAt(limiter, clock, [12_000, 12_100, 12_200]).filter((r) => !r.ok && r.notify)).toHaveLength(0);
    // After a quiet 30 s the bucket is full again: a new flood is a new stretch, told once.
    const next = askAt(limiter, clock, Array.from({ length: 12 }, (_, i) => 45_000 + i * 10));
    expect(next.filter((r) => r.ok)).toHaveLength(8);
    expect(next.filter((r) => !r.ok && r.notify)).toHaveLength(1);
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
