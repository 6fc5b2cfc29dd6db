import type { Article, Span } from '../../../src/corpus/types.ts';
import type { SegmentArticleInput, SegmentChunkInput } from '../../../src/store/segments/index.ts';

import { mulberry32 } from '../../support/mulberry32.ts';

/** The shared seeded PRNG, under the name these tests use. */
export const random = mulberry32;

/** Terms beyond ASCII, so the dictionary's byte order and UTF-8 handling are exercised. */
const ODD_TERMS = ['café', 'über', '日本', '東京', '🙂', 'z', 'zz', 'a', 'ａ', 'naïve'];

/** Vocabulary: ODD_TERMS then t0, t1, …; drawn with a heavy skew so a few terms are in most chunks. */
export function vocabulary(size: number): string[] {
  return [...ODD_TERMS, ...Array.from({ length: size - ODD_TERMS.length }, (_, i) => `t${i}`)];
}

export interface SyntheticOptions {
  articles: number;
  vocabulary: string[];
  /** First label; labels are handed out in a shuffled order from here. */
  firstLabel: number;
  seed: number;
}

/**
 * Articles with 0-5 chunks of 0-70 skewed terms each (some chunks repeat a term many times),
 * real texts and sentences whose offsets the chunks follow. Labels are unique but not in
 * article order, as after merges and re-ingests.
 */
export function syntheticArticles(options: SyntheticOptions): SegmentArticleInput[] {
  const rand = random(options.seed);
  const vocab = options.vocabulary;
  const pick = () => vocab[Math.floor(vocab.length * rand() ** 3)]!;
  const articles: SegmentArticleInput[] = [];
  const chunkCounts = Array.from({ length: options.articles }, () => Math.floor(rand() * 6));
  const totalChunks = chunkCounts.reduce((a, b) => a + b, 0);
  const labels = Array.from({ length: totalChunks }, (_, i) => options.firstLabel + i);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  let nextLabel = 0;
  for (let a = 0; a < options.articles; a++) {
    const sentences: Span[] = [];
    const chunks: SegmentChunkInput[] = [];
    let text = '';
    const addSentence = (words: string[]): number => {
      if (text) text += ' ';
      const start = text.length;
      text += `${words.join(' ')}.`;
      sentences.push({ start, end: text.length });
      return sentences.length - 1;
    };
    addSentence(['Headline', 'for', `article ${options.seed}-${a}`, 'über', '🙂']);
    for (let c = 0; c < chunkCounts[a]!; c++) {
      const length = Math.floor(rand() * 71);
      const terms: string[] = [];
      for (let t = 0; t < length; t++) terms.push(pick());
      if (rand() < 0.2 && terms.length > 0) {
        const burst = pick();
        for (let r = Math.floor(rand() * 12); r > 0; r--) terms[Math.floor(rand() * terms.length)] = burst;
      }
      const first = addSentence(terms.slice(0, Math.ceil(terms.length / 2)));
      const last = addSentence(terms.slice(Math.ceil(terms.length / 2)));
      chunks.push({ start: sentences[first]!.start, end: sentences[last]!.end, firstSentence: first, lastSentence: last, label: labels[nextLabel++]!, terms });
    }
    const article: Article = {
      id: `s${options.seed}-${a}`,
      title: `Article ${a}`,
      date: a % 3 === 0 ? null : `2023-0${1 + (a % 9)}-1${a % 10}`,
      outlet: a % 2 ? 'PTI' : null,
      dateline: a % 4 === 1 ? 'Moscow' : null,
      url: a % 5 ? `https://example.com/${a}` : null,
      file: `corpus/${a}.txt`,
      text,
    };
    articles.push({ article, hash: `h${options.seed}-${a}`, sentences, chunks });
  }
  return articles;
}

/** A live unit for the brute-force reference. */
export interface ReferenceUnit {
  label: number;
  terms: readonly string[];
}

/**
 * BM25 by the definition, over every live unit: the statistics, then every unit scored, then
 * sorted (score descending, label ascending). The same expressions as LexicalIndex, summed in
 * the order of `weights`, so equal inputs give equal floating-point results.
 */
export function bruteForceBm25(
  units: readonly ReferenceUnit[],
  weights: ReadonlyMap<string, number>,
  k: number,
  accept?: (label: number) => boolean,
): Array<{ label: number; score: number }> {
  const k1 = 1.2;
  const b = 0.75;
  const n = units.length;
  const total = units.reduce((sum, u) => sum + u.terms.length, 0);
  const avg = n ? total / n : 0;
  const df = new Map<string, number>();
  for (const u of units) for (const t of new Set(u.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const hits: Array<{ label: number; score: number }> = [];
  for (const u of units) {
    const tf = new Map<string, number>();
    for (const t of u.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    let matched = false;
    for (const [term, weight] of weights) {
      const f = tf.get(term);
      if (!f || !(weight > 0)) continue;
      matched = true;
      const d = df.get(term)!;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      const norm = k1 * (1 - b + (b * u.terms.length) / (avg || 1));
      score += weight * idf * ((f * (k1 + 1)) / (f + norm));
    }
    if (matched && (!accept || accept(u.label))) hits.push({ label: u.label, score });
  }
  hits.sort((x, y) => y.score - x.score || x.label - y.label);
  return hits.slice(0, k);
}

/** Expect two rankings to hold the same labels in the same order, with scores within 1e-9. */
export function sameRanking(actual: ReadonlyArray<{ label: number; score: number }>, expected: ReadonlyArray<{ label: number; score: number }>): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} hits, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i]!.label !== expected[i]!.label) return `rank ${i}: label ${actual[i]!.label}, expected ${expected[i]!.label} (scores ${actual[i]!.score} / ${expected[i]!.score})`;
    if (Math.abs(actual[i]!.score - expected[i]!.score) > 1e-9) return `rank ${i}: score ${actual[i]!.score}, expected ${expected[i]!.score}`;
  }
  return undefined;
}
