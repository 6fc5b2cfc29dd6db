import type { Bm25Options } from './bm25.ts';
import { impactBound } from './impacts.ts';
import { decodeBlock, regionLayout, SKIP_WORDS } from './postingRegion.ts';

/** A unit beyond every real one: the position of an exhausted cursor. */
export const NO_MORE = 0x7fffffff;

/**
 * Walks one query term's posting region in one segment, decoding a block only when a posting
 * in it is needed. Two positions: the decoded one (`unit`, `tf`), moved by `next` and
 * `advance`, and a "shallow" one that only reads the skip table to bound the score of a
 * candidate (`blockBound`), so a list whose postings cannot matter is never decoded.
 */
export class PostingCursor {
  /** Current local unit, or NO_MORE. */
  unit = -1;
  /** Term frequency at `unit`. */
  tf = 0;
  /** Best contribution this term can make to any unit of the segment. */
  readonly maxScore: number;
  /** Blocks decoded so far (for SearchStats). */
  blocksDecoded = 0;
  private readonly blocks: number;
  private readonly skipAt: number;
  private block = -1;
  private pos = 0;
  private count = 0;
  private readonly units: Int32Array;
  private readonly tfs: Int32Array;
  private shallow = 0;
  private shallowBound = -1;
  private readonly k1: number;
  private readonly b: number;
  private readonly k1PlusOne: number;
  private readonly avgOrOne: number;

  constructor(
    private readonly region: Uint32Array,
    readonly df: number,
    private readonly blockSize: number,
    /** Position of the term in the query (its contribution's slot). */
    readonly queryIndex: number,
    /** Query weight × idf. */
    readonly weightIdf: number,
    private readonly avgLength: number,
    private readonly options: Bm25Options,
  ) {
    const layout = regionLayout(region);
    this.blocks = layout.blocks;
    this.skipAt = layout.skipAt;
    this.units = new Int32Array(blockSize);
    this.tfs = new Int32Array(blockSize);
    this.k1 = options.k1;
    this.b = options.b;
    this.k1PlusOne = options.k1 + 1;
    this.avgOrOne = avgLength || 1;
    this.maxScore = impactBound(region, 2, layout.termPairs, weightIdf, avgLength, options);
    this.load(0);
  }

  /** A new cursor over the same postings, at the start. */
  reopen(): PostingCursor {
    return new PostingCursor(this.region, this.df, this.blockSize, this.queryIndex, this.weightIdf, this.avgLength, this.options);
  }

  /** This term's BM25 contribution at the current unit, of length `length` (LexicalIndex's expression). */
  score(length: number): number {
    const norm = this.k1 * (1 - this.b + (this.b * length) / this.avgOrOne);
    return this.weightIdf * ((this.tf * this.k1PlusOne) / (this.tf + norm));
  }

  /** Move to the next posting. */
  next(): void {
    if (++this.pos < this.count) {
      this.unit = this.units[this.pos]!;
      this.tf = this.tfs[this.pos]!;
    } else {
      this.load(this.block + 1);
    }
  }

  /** Move to the first posting at or after `target` (no-op when already there). */
  advance(target: number): void {
    if (this.unit >= target) return;
    if (this.lastUnit(this.block) < target) {
      const b = this.findBlock(this.block + 1, target);
      this.load(b);
      if (this.unit === NO_MORE) return;
    }
    let pos = this.pos;
    while (this.units[pos]! < target) pos++;
    this.pos = pos;
    this.unit = this.units[pos]!;
    this.tf = this.tfs[pos]!;
  }

  /**
   * An upper bound of this term's contribution to unit `target` from the skip table alone:
   * the block that would hold it, or 0 past the end. Targets must not decrease.
   */
  blockBound(target: number): number {
    if (this.shallow < this.blocks && this.lastUnit(this.shallow) < target) {
      this.shallow = this.findBlock(this.shallow + 1, target);
      this.shallowBound = -1;
    }
    if (this.shallow >= this.blocks) return 0;
    if (this.shallowBound < 0) {
      const skip = this.skipAt + SKIP_WORDS * this.shallow;
      const pairs = this.region[skip + 2]! >>> 16;
      this.shallowBound = impactBound(this.region, this.region[skip + 3]!, pairs, this.weightIdf, this.avgLength, this.options);
    }
    return this.shallowBound;
  }

  private lastUnit(block: number): number {
    return this.region[this.skipAt + SKIP_WORDS * block]!;
  }

  /** The first block from `from` whose last unit is ≥ target (galloping), or `blocks`. */
  private findBlock(from: number, target: number): number {
    const blocks = this.blocks;
    if (from >= blocks) return blocks;
    if (this.lastUnit(from) >= target) return from;
    let lo = from;
    let step = 1;
    let hi = from + 1;
    while (hi < blocks && this.lastUnit(hi) < target) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > blocks) hi = blocks;
    // lastUnit(lo) < target; hi is blocks or has lastUnit ≥ target.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.lastUnit(mid) < target) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  private load(block: number): void {
    this.block = block;
    if (block >= this.blocks) {
      this.unit = NO_MORE;
      this.count = 0;
      return;
    }
    this.count = Math.min(this.blockSize, this.df - block * this.blockSize);
    decodeBlock(this.region, this.skipAt, block, this.count, this.units, this.tfs);
    this.blocksDecoded++;
    this.pos = 0;
    this.unit = this.units[0]!;
    this.tf = this.tfs[0]!;
  }
}
