/**
 * An append-only u32 column that doubles its buffer as it grows: the writer's columns cost 4
 * bytes per value rather than a JS array's 8+ and are written to disk as they are.
 */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** Forget the values, keeping the buffer for reuse. */
  clear(): void {
    this.length = 0;
  }

  increment(i: number): void {
    this.data[i]!++;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** The values pushed so far (a view: valid until the next push). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
