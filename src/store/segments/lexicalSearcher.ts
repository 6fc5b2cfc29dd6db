import { bm25Idf, DEFAULT_BM25_OPTIONS, type Bm25Options } from './bm25.ts';
import type { Segment } from './openSegment.ts';
import { NO_MORE, PostingCursor } from './postingCursor.ts';
import { SegmentError } from './segmentError.ts';
import { TopK } from './topK.ts';

/**
 * What a build deleted from a segment: the articles (local indexes) and their contribution to
 * the statistics, which the caller computes from the deleted chunks' terms (see
 * `describeTombstones`). `units` and `lengthDelta` are checked against the segment.
 */
export interface Tombstones {
  articles: ReadonlySet<number>;
  /** Term → deleted chunks holding it. */
  dfDelta: ReadonlyMap<string, number>;
  /** Sum of the deleted chunks' lengths. */
  lengthDelta: number;
  /** Number of deleted chunks. */
  units: number;
}

export interface SearchSource {
  segment: Segment;
  deleted?: Tombstones;
}

export interface LexicalSearchHit {
  /** The chunk's global label. */
  label: number;
  score: number;
  /** Index of its segment in the searcher's sources, and its local unit there. */
  source: number;
  unit: number;
}

/** Work counters of one search, for tests and benchmarks (they replace timing assertions). */
export interface SearchStats {
  /** Units taken from the essential lists and looked at. */
  candidates: number;
  /** Units scored completely (passed every bound). */
  scored: number;
  /** Posting blocks decoded, over all terms and segments. */
  blocksDecoded: number;
  /** Posting blocks the query terms have, over all segments. */
  blocksTotal: number;
}

/**
 * Bounds are sums of the same non-negative terms in another order than the final score, so
 * they may be a few ulps off; this margin keeps every pruning decision safe.
 */
const SLACK = 1 + 1e-9;
const DF_CACHE_LIMIT = 50_000;
/**
 * The seed pass (see `seed`): at most SEED_POSTINGS postings read, SEED_PER_K units wanted per
 * hit asked for, from terms whose best contribution is at least SEED_STRONG of the strongest
 * term's. Chosen on the 20,000-article scale corpus: with related words, p50 2.69 ms against
 * 3.09 ms without the seed; plain questions unchanged (0.74 / 0.73 ms).
 */
const SEED_POSTINGS = 2048;
const SEED_PER_K = 4;
const SEED_STRONG = 0.2;

/**
 * BM25 over several segments with tombstones, with the statistics of the live units only, as
 * if deleted articles had never been written: scores equal an exhaustive BM25 (the
 * `LexicalIndex` formulas) over those units. Search is document-at-a-time block-max MaxScore
 * (Turtle & Flood 1995; block-max bounds after Ding & Suel 2011, as in PISA's
 * block_max_maxscore): once the k-th best score exceeds what a set of terms could add
 * together, those terms stop proposing candidates and are only probed, block bound first, for
 * units the others found. Which terms go into that set first is a choice (any order keeps the
 * result exact: the set's summed maxima bound what it can add): here the costliest per unit
 * of score, postings ÷ best contribution, so a frequent word goes before a rare one of the
 * same weight and a question's many light related words do not use up the budget its common
 * words need (PISA orders by best contribution alone: at 20,000 articles that cost BM25 p50
 * 5.8 ms against 2.9 ms, p95 18.1 against 7.5). A frequent or low-weight term therefore
 * costs a few probes, not a walk of its posting list. One top-k heap spans all segments, so
 * each raises the bar for the next, and a short seed pass per segment sets a floor under the
 * bar before the walk starts.
 */
export class LexicalSearcher {
  /** Live chunks. */
  readonly unitCount: number;
  /** Sum of live chunks' lengths. */
  readonly totalLength: number;
  /** Mean live chunk length (0 when there is none). */
  readonly avgLength: number;
  private readonly sources: readonly SearchSource[];
  private readonly deletedUnits: Array<Uint8Array | undefined>;
  private readonly dfCache = new Map<string, number>();

  constructor(
    sources: readonly SearchSource[],
    readonly options: Bm25Options = DEFAULT_BM25_OPTIONS,
  ) {
    this.sources = [...sources];
    let units = 0;
    let total = 0;
    this.deletedUnits = this.sources.map(({ segment, deleted }) => {
      units += segment.chunkCount;
      total += segment.totalLength;
      if (!deleted) return undefined;
      const flags = new Uint8Array(segment.chunkCount);
      let deletedUnits = 0;
      let deletedLength = 0;
      for (const article of deleted.articles) {
        if (!Number.isInteger(article) || article < 0 || article >= segment.articleCount) {
          throw new SegmentError('SEGMENT_INPUT', `tombstone for article ${article} of segment ${segment.dir}, which has ${segment.articleCount} articles`);
        }
        const { from, to } = segment.chunkRangeOf(article);
        for (let u = from; u < to; u++) {
          flags[u] = 1;
          deletedUnits++;
          deletedLength += segment.columns.length[u]!;
        }
      }
      if (deleted.units !== deletedUnits || deleted.lengthDelta !== deletedLength) {
        throw new SegmentError(
          'SEGMENT_INPUT',
          `tombstones for segment ${segment.dir} say ${deleted.units} chunks of ${deleted.lengthDelta} terms; its deleted articles hold ${deletedUnits} chunks of ${deletedLength} terms`,
        );
      }
      units -= deletedUnits;
      total -= deletedLength;
      return deletedUnits > 0 ? flags : undefined;
    });
    this.unitCount = units;
    this.totalLength = total;
    this.avgLength = units ? total / units : 0;
  }

  /** Live chunks holding `term`: summed from the segments' dictionaries, minus tombstones. */
  documentFrequency(term: string): number {
    const cached = this.dfCache.get(term);
    if (cached !== undefined) return cached;
    const bytes = Buffer.from(term, 'utf8');
    let df = 0;
    for (const { segment, deleted } of this.sources) {
      const id = segment.dictionary.find(bytes);
      if (id >= 0) df += segment.dictionary.df[id]! - (deleted?.dfDelta.get(term) ?? 0);
    }
    df = Math.max(0, df);
    if (this.dfCache.size >= DF_CACHE_LIMIT) this.dfCache.clear();
    this.dfCache.set(term, df);
    return df;
  }

  /** BM25 inverse document frequency over the live units (LexicalIndex's formula). */
  idf(term: string): number {
    return bm25Idf(this.unitCount, this.documentFrequency(term));
  }

  /**
   * The k best live chunks for weighted terms, best first, ties by smaller label. A term's
   * contribution is weight × idf × tf(k1+1) / (tf + k1(1 − b + b·len/avgLength)); terms with a
   * weight that is not positive are ignored. `accept(label)` filters candidates (a date range).
   */
  search(weights: ReadonlyMap<string, number>, k: number, accept?: (label: number) => boolean, stats?: SearchStats): LexicalSearchHit[] {
    const top = new TopK(Math.max(0, Math.floor(k)));
    if (top.k === 0) return [];
    const terms: Array<{ bytes: Buffer; weightIdf: number }> = [];
    for (const [term, weight] of weights) {
      if (!(weight > 0)) continue;
      const df = this.documentFrequency(term);
      if (df === 0) continue;
      terms.push({ bytes: Buffer.from(term, 'utf8'), weightIdf: weight * bm25Idf(this.unitCount, df) });
    }
    if (terms.length === 0) return [];
    const contributions = new Float64Array(terms.length);
    this.sources.forEach(({ segment }, source) => {
      const cursors: PostingCursor[] = [];
      terms.forEach(({ bytes, weightIdf }, queryIndex) => {
        const id = segment.dictionary.find(bytes);
        if (id < 0) return;
        const df = segment.dictionary.df[id]!;
        cursors.push(new PostingCursor(segment.postingRegion(id), df, segment.blockSize, queryIndex, weightIdf, this.avgLength, this.options));
        if (stats) stats.blocksTotal += Math.ceil(df / segment.blockSize);
      });
      if (cursors.length === 0) return;
      // The non-essential prefix fills from the front: costliest per unit of score first.
      cursors.sort((x, y) => y.df / y.maxScore - x.df / x.maxScore || x.maxScore - y.maxScore);
      const seeders = this.seed(segment, source, cursors, top, accept);
      this.searchSegment(segment, source, cursors, contributions, top, accept, stats);
      if (stats) for (const c of [...cursors, ...seeders]) stats.blocksDecoded += c.blocksDecoded;
    });
    return top.sorted();
  }

  /**
   * Raise the bar before the main pass. The rarest strong terms (best contribution at least
   * SEED_STRONG of the strongest's) are read whole, rarest first, while they add up to at most
   * SEED_POSTINGS postings and until SEED_PER_K·k units are found; each unit's contributions
   * from those lists are a lower bound of its score. The k-th best bound (over accepted, live
   * units) is a floor the final k-th score cannot fall below, so from the first unit on, lists
   * that together cannot reach it are not essential. Without it the first k units of a segment
   * fill the heap with weak hits, and frequent related words stay essential until better ones
   * turn up. Nothing is offered to the heap, so the main pass skips no unit. (Summed in another
   * order than final scores, the floor may be a few ulps high; SLACK absorbs that.)
   */
  private seed(segment: Segment, source: number, cursors: readonly PostingCursor[], top: TopK, accept: ((label: number) => boolean) | undefined): PostingCursor[] {
    // Returns the cursors it read, for the statistics.
    const strongest = Math.max(...cursors.map((c) => c.maxScore));
    const lists = cursors.filter((c) => c.maxScore >= SEED_STRONG * strongest).sort((x, y) => x.df - y.df);
    const deleted = this.deletedUnits[source];
    const { label: labels, length: lengths } = segment.columns;
    const want = Math.min(SEED_POSTINGS, SEED_PER_K * top.k);
    const scores = new Map<number, number>();
    const read: PostingCursor[] = [];
    let postings = 0;
    for (const strong of lists) {
      if (scores.size >= want || postings + strong.df > SEED_POSTINGS) break;
      const list = strong.reopen();
      read.push(list);
      postings += list.df;
      for (; list.unit !== NO_MORE; list.next()) {
        const unit = list.unit;
        if (deleted && deleted[unit] === 1) continue;
        scores.set(unit, (scores.get(unit) ?? 0) + list.score(lengths[unit]!));
      }
    }
    if (scores.size < top.k) return read;
    const floor = new TopK(top.k);
    for (const [unit, score] of scores) {
      if (floor.wouldEnter(score) && (!accept || accept(labels[unit]!))) floor.offer(score, labels[unit]!, source, unit);
    }
    if (floor.size === floor.k) top.raiseFloor(floor.threshold);
    return read;
  }

  /** Block-max MaxScore over one segment's cursors (costliest per unit of score first), into the shared heap. */
  private searchSegment(
    segment: Segment,
    source: number,
    cursors: PostingCursor[],
    contributions: Float64Array,
    top: TopK,
    accept: ((label: number) => boolean) | undefined,
    stats: SearchStats | undefined,
  ): void {
    const n = cursors.length;
    // upTo[i]: the most cursors 0…i-1 can add together.
    const upTo = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) upTo[i + 1] = upTo[i]! + cursors[i]!.maxScore;
    const blockBounds = new Float64Array(n);
    const below = new Float64Array(n + 1);
    const deleted = this.deletedUnits[source];
    const { label: labels, length: lengths } = segment.columns;
    // Cursors [0, essential) are non-essential: together they cannot lift a unit into the heap.
    let essential = 0;
    while (essential < n && !top.wouldEnter(upTo[essential + 1]! * SLACK)) essential++;
    let current = NO_MORE;
    for (let i = essential; i < n; i++) if (cursors[i]!.unit < current) current = cursors[i]!.unit;

    while (essential < n && current !== NO_MORE) {
      const unit = current;
      const length = lengths[unit]!;
      let score = 0;
      let next = NO_MORE;
      for (let i = essential; i < n; i++) {
        const c = cursors[i]!;
        if (c.unit === unit) {
          const s = c.score(length);
          contributions[c.queryIndex] = s;
          score += s;
          c.next();
        }
        if (c.unit < next) next = c.unit;
      }
      current = next;
      if (stats) stats.candidates++;
      if (deleted && deleted[unit] === 1) {
        contributions.fill(0);
        continue;
      }

      // Bound the rest from the blocks that would hold this unit, last of the prefix first.
      let fits = true;
      let blockSum = 0;
      for (let i = essential - 1; i >= 0; i--) {
        const bound = cursors[i]!.blockBound(unit);
        blockBounds[i] = bound;
        blockSum += bound;
        if (!top.wouldEnter((score + upTo[i]! + blockSum) * SLACK)) {
          fits = false;
          break;
        }
      }
      const label = labels[unit]!;
      if (fits && accept && !accept(label)) fits = false;
      if (fits) {
        // Probe the non-essential lists, last of the prefix first, while the unit can still enter.
        for (let i = 0; i < essential; i++) below[i + 1] = below[i]! + blockBounds[i]!;
        for (let i = essential - 1; i >= 0; i--) {
          const c = cursors[i]!;
          c.advance(unit);
          if (c.unit === unit) {
            const s = c.score(length);
            contributions[c.queryIndex] = s;
            score += s;
          }
          if (!top.wouldEnter((score + below[i]!) * SLACK)) {
            fits = false;
            break;
          }
        }
      }
      if (fits) {
        if (stats) stats.scored++;
        // The score in query order, as an exhaustive BM25 adds it up.
        let total = 0;
        for (let q = 0; q < contributions.length; q++) total += contributions[q]!;
        if (top.offer(total, label, source, unit)) {
          while (essential < n && !top.wouldEnter(upTo[essential + 1]! * SLACK)) essential++;
        }
      }
      contributions.fill(0);
    }
  }
}
