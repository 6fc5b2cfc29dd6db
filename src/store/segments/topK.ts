/**
 * The best k hits seen so far, as a min-heap whose root is the worst kept hit: its score is the
 * threshold a new unit must reach. Order is score descending, then label ascending, so ties
 * are broken the same way on every run and by every implementation.
 */
export class TopK {
  size = 0;
  private readonly scores: Float64Array;
  private readonly labels: Float64Array;
  private readonly sources: Int32Array;
  private readonly units: Int32Array;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.labels = new Float64Array(k);
    this.sources = new Int32Array(k);
    this.units = new Int32Array(k);
  }

  /**
   * A score the final k-th hit is known to reach (from lower bounds of k other units' scores):
   * pruning may use it before the heap is full. Never lowered.
   */
  private floor = -Infinity;

  /** Could a unit scoring at most `bound` enter? */
  wouldEnter(bound: number): boolean {
    return bound >= this.floor && (this.size < this.k || bound >= this.scores[0]!);
  }

  /** The k-th score kept, or -Infinity while fewer than k are kept. */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  raiseFloor(score: number): void {
    if (score > this.floor) this.floor = score;
  }

  /** Keep the hit if it beats the worst kept one; returns whether it was kept. */
  offer(score: number, label: number, source: number, unit: number): boolean {
    if (this.k === 0) return false;
    if (this.size < this.k) {
      this.put(this.size, score, label, source, unit);
      this.siftUp(this.size++);
      return true;
    }
    if (score < this.scores[0]! || (score === this.scores[0]! && label >= this.labels[0]!)) return false;
    this.put(0, score, label, source, unit);
    this.siftDown(0);
    return true;
  }

  /** The kept hits, best first. */
  sorted(): Array<{ label: number; score: number; source: number; unit: number }> {
    const hits = [];
    for (let i = 0; i < this.size; i++) hits.push({ label: this.labels[i]!, score: this.scores[i]!, source: this.sources[i]!, unit: this.units[i]! });
    return hits.sort((x, y) => y.score - x.score || x.label - y.label);
  }

  /** Is hit i worse than hit j? */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i]!;
    const sj = this.scores[j]!;
    return si < sj || (si === sj && this.labels[i]! > this.labels[j]!);
  }

  private put(i: number, score: number, label: number, source: number, unit: number): void {
    this.scores[i] = score;
    this.labels[i] = label;
    this.sources[i] = source;
    this.units[i] = unit;
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i]!;
    const l = this.labels[i]!;
    const src = this.sources[i]!;
    const u = this.units[i]!;
    this.put(i, this.scores[j]!, this.labels[j]!, this.sources[j]!, this.units[j]!);
    this.put(j, s, l, src, u);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.worse(right, left) ? right : left;
      if (!this.worse(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
