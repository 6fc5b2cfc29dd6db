/**
 * A Map bounded to `max` entries that drops the least recently used one. Holds recent answers
 * (for buttons) and the threads the bot answered in, so memory stays flat however long it runs.
 */
export class Lru<K, V> {
  readonly #max: number;
  readonly #map = new Map<K, V>();

  constructor(max: number) {
    if (!(max >= 1)) throw new RangeError(`an LRU needs room for at least one entry (got ${max})`);
    this.#max = max;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): this {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next().value as K;
      this.#map.delete(oldest);
    }
    return this;
  }

  get size(): number {
    return this.#map.size;
  }
}
