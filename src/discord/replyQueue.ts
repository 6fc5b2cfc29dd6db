/**
 * Replies in one channel go out in the order the questions came in, each after the previous
 * one has been delivered. discord.js queues sends per rate-limit bucket, but not across the
 * moment it first learns a route's bucket (a send made then can overtake one still waiting out
 * a 429), and it cannot know which answer belongs first; the conversation's memory must also
 * see each turn before the next question. Tasks for different channels run concurrently.
 * Memory is bounded by the channels with work in flight.
 */
export class ReplyQueue {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `task` after every earlier task for `key` has settled; resolves or rejects with it. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Channels with work queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}
