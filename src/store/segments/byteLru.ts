/**
 * A least-recently-used cache bounded by bytes, not entries: decoded article texts and posting
 * regions vary from a few hundred bytes to megabytes, so a count limit would either waste
 * memory or hold almost nothing. The data stays in the OS page cache anyway (it is read
 * through a file descriptor), so this only saves the copy and decode of hot items.
 */
export class ByteLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keep `value` (costing `bytes`); an item larger than the whole budget is not kept. */
  set(key: K, value: V, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
