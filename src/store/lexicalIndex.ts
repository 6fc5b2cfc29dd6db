import { countTerms } from '../analyze/analyzeTerms.ts';

/**
 * BM25 in memory, exhaustive: every posting of every query term is scored. The index on disk
 * uses segments (segments/) with block-max pruning and gives the same scores; this one is the
 * reference their tests and benchmark compare against, and what test fixtures build over a
 * handful of articles.
 */
export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  k1: number;
  /** Length normalisation. @default 0.75 */
  b: number;
}

export const DEFAULT_BM25_OPTIONS: Readonly<Bm25Options> = Object.freeze({ k1: 1.2, b: 0.75 });

/** The saved form: postings as parallel arrays per term, document lengths per unit. */
export interface LexicalIndexData {
  version: 1;
  options: Bm25Options;
  lengths: number[];
  /** term → [unit positions..., then the same count of term frequencies] */
  postings: Record<string, number[]>;
}

export interface LexicalHit {
  unit: number;
  score: number;
}

export class LexicalIndex {
  private readonly avgLength: number;
  private readonly postings: Map<string, number[]>;

  constructor(readonly data: LexicalIndexData) {
    const total = data.lengths.reduce((a, b) => a + b, 0);
    this.avgLength = data.lengths.length ? total / data.lengths.length : 0;
    this.postings = new Map(Object.entries(data.postings));
  }

  /** Index each unit's terms (unit i = termsPerUnit[i]). */
  static build(termsPerUnit: Iterable<readonly string[]>, options: Bm25Options = DEFAULT_BM25_OPTIONS): LexicalIndex {
    const lengths: number[] = [];
    // One map lookup per occurrence: a term seen again in the same unit bumps its last frequency.
    const postings = new Map<string, { units: number[]; tfs: number[] }>();
    let unit = 0;
    for (const terms of termsPerUnit) {
      lengths.push(terms.length);
      for (const term of terms) {
        const p = postings.get(term);
        if (!p) postings.set(term, { units: [unit], tfs: [1] });
        else if (p.units[p.units.length - 1] === unit) p.tfs[p.tfs.length - 1]!++;
        else {
          p.units.push(unit);
          p.tfs.push(1);
        }
      }
      unit++;
    }
    // Saved form: term → [units..., then their frequencies].
    const data: Record<string, number[]> = {};
    for (const [term, { units, tfs }] of postings) {
      for (const tf of tfs) units.push(tf);
      data[term] = units;
    }
    return new LexicalIndex({ version: 1, options: { ...options }, lengths, postings: data });
  }

  get unitCount(): number {
    return this.data.lengths.length;
  }

  /** Number of units containing the term. */
  documentFrequency(term: string): number {
    const p = this.postings.get(term);
    return p ? p.length / 2 : 0;
  }

  /** BM25 inverse document frequency (the Lucene form, never negative). */
  idf(term: string): number {
    const n = this.unitCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Best units for the query, best first. The query is a list of terms (a repeated term
   * counts once per occurrence) or explicit weights per term.
   */
  search(query: string[] | ReadonlyMap<string, number>, k: number, accept?: (unit: number) => boolean): LexicalHit[] {
    const { k1, b } = this.data.options;
    const scores = new Map<number, number>();
    const weights = Array.isArray(query) ? countTerms(query) : query;
    for (const [term, qtf] of weights) {
      const p = this.postings.get(term);
      if (!p) continue;
      const half = p.length / 2;
      const idf = this.idf(term);
      for (let i = 0; i < half; i++) {
        const unit = p[i]!;
        const tf = p[half + i]!;
        const norm = k1 * (1 - b + (b * this.data.lengths[unit]!) / (this.avgLength || 1));
        scores.set(unit, (scores.get(unit) ?? 0) + qtf * idf * ((tf * (k1 + 1)) / (tf + norm)));
      }
    }
    const hits: LexicalHit[] = [];
    for (const [unit, score] of scores) if (!accept || accept(unit)) hits.push({ unit, score });
    hits.sort((x, y) => y.score - x.score || x.unit - y.unit);
    return hits.slice(0, k);
  }
}

export { countTerms };
