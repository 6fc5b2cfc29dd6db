import { describe, expect, it } from 'vitest';
import { ReplyQueue } from '../../src/discord/replyQueue.ts';

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('ReplyQueue', () => {
  it('runs one channel’s tasks in the order they were queued, each after the previous one settled', async () => {
    const queue = new ReplyQueue();
    const order: string[] = [];
    const slow = deferred();
    const first = queue.run('c1', async () => {
      await slow.promise;
      order.push('first');
    });
    const second = queue.run('c1', async () => void order.push('second'));
    await Promise.resolve();
    expect(order).toEqual([]);
    slow.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('lets other channels go ahead while one waits', async () => {
    const queue = new ReplyQueue();
    const blocked = deferred();
    const order: string[] = [];
    const a = queue.run('c1', async () => {
      await blocked.promise;
      order.push('c1');
    });
    await queue.run('c2', async () => void order.push('c2'));
    expect(order).toEqual(['c2']);
    blocked.resolve();
    await a;
    expect(order).toEqual(['c2', 'c1']);
  });

  it('keeps going after a task fails, passing the failure to its caller only', async () => {
    const queue = new ReplyQueue();
    const failed = queue.run('c1', () => Promise.reject(new Error('send failed')));
    const next = queue.run('c1', async () => 'next');
    await expect(failed).rejects.toThrow('send failed');
    await expect(next).resolves.toBe('next');
  });

  it('forgets a channel once its work is done (memory stays bounded)', async () => {
    const queue = new ReplyQueue();
    await Promise.all(Array.from({ length: 100 }, (_, i) => queue.run(`c${i}`, async () => i)));
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.size).toBe(0);
  });
});
