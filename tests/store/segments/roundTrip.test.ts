import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteLru, LexicalSearcher, openSegment, SEGMENT_FORMAT_VERSION, writeSegment, type SegmentArticleInput } from '../../../src/store/segments/index.ts';
import { syntheticArticles, vocabulary } from './syntheticCorpus.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'segments-roundtrip-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sentences cut at each ". " of a text, and one chunk per two sentences: offsets in UTF-16 units. */
function article(id: string, title: string, text: string, firstLabel: number, extra: Partial<SegmentArticleInput['article']> = {}): SegmentArticleInput {
  const sentences: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?:\s|$)|。/gu)) {
    const end = m.index! + 1;
    sentences.push({ start, end });
    start = m.index! + m[0].length;
  }
  const chunks = [];
  for (let s = 0; s < sentences.length; s += 2) {
    const last = Math.min(s + 1, sentences.length - 1);
    chunks.push({ start: sentences[s]!.start, end: sentences[last]!.end, firstSentence: s, lastSentence: last, label: firstLabel + s / 2, terms: text.slice(sentences[s]!.start, sentences[last]!.end).toLowerCase().split(/[\s.!?。,]+/u).filter(Boolean) });
  }
  return {
    article: { id, title, date: '2023-05-04', outlet: 'PTI', dateline: null, url: null, file: `seeds/${id}.txt`, text, ...extra },
    hash: `hash-${id}`,
    sentences,
    chunks,
  };
}

const ARTICLES: SegmentArticleInput[] = [
  article('ascii', 'Lavrov meets Jaishankar', 'Lavrov met Jaishankar in Goa. They discussed oil. Talks ended on Friday. A joint statement followed.', 7),
  article('accents', 'Café diplomacy in Genève', 'Le ministre a visité Genève. Ça s’est bien passé! Naïve façade, déjà vu. Über alles.', 3, { date: null, outlet: null, dateline: 'Genève', url: 'https://example.com/é' }),
  article('emoji', 'Summit 🙂 ends', 'Leaders smiled 🙂🙂 at the summit. The 👩‍👩‍👧 family photo was taken. Flags 🇮🇳🇷🇺 flew.', 100),
  article('cjk', '東京での会談', '外相は東京で会談した。共同声明を発表した。石油について話し合った。', 50),
  { ...article('empty-chunks', 'No chunks', 'Only a heading', 200), sentences: [], chunks: [] },
];

describe('segment round trip', () => {
  it('reads texts lazily into a cache bounded by bytes, which segments can share', async () => {
    const dir = join(root, 'cached');
    await writeSegment(dir, ARTICLES);
    const cache = new ByteLru<string, unknown>(100);
    const segment = openSegment(dir, { cache });
    try {
      expect(cache.size).toBe(0);
      expect(segment.articleText(0)).toBe(ARTICLES[0]!.article.text);
      expect(cache.size).toBe(0); // 2 bytes per UTF-16 unit: over the 100-byte budget
      expect(segment.articleText(4)).toBe('Only a heading');
      expect(cache.size).toBe(1);
      expect(cache.bytes).toBeLessThanOrEqual(100);
    } finally {
      segment.close();
    }
    expect(() => segment.articleText(1)).toThrow(/closed/);
  });

  it('gives back every article, text, sentence and chunk, including emoji, accents and CJK', async () => {
    const dir = join(root, 'mixed');
    const summary = await writeSegment(dir, ARTICLES, { analyzerVersion: 4 });
    const segment = openSegment(dir);
    try {
      expect(summary).toMatchObject({ articles: 5, chunks: ARTICLES.reduce((n, a) => n + a.chunks.length, 0) });
      expect(segment.header.version).toBe(SEGMENT_FORMAT_VERSION);
      expect(segment.header.analyzerVersion).toBe(4);
      expect(segment.articleCount).toBe(ARTICLES.length);
      let unit = 0;
      ARTICLES.forEach((input, i) => {
        const { text, ...meta } = input.article;
        expect(segment.articleMeta(i)).toEqual({ ...meta, hash: input.hash });
        expect(segment.articleText(i)).toBe(text);
        expect(segment.article(i)).toEqual(input.article);
        expect(segment.articleIndexOf(input.article.id)).toBe(i);
        expect(segment.sentencesOf(i)).toEqual(input.sentences);
        expect(segment.chunkRangeOf(i)).toEqual({ from: unit, to: unit + input.chunks.length });
        for (const c of input.chunks) {
          expect(segment.chunk(unit)).toEqual({ articleIndex: i, start: c.start, end: c.end, firstSentence: c.firstSentence, lastSentence: c.lastSentence, label: c.label, length: c.terms.length });
          expect(segment.localUnitOfLabel(c.label)).toBe(unit);
          // Offsets are UTF-16 offsets into the decoded text, as a quote needs them.
          expect(segment.articleText(i).slice(c.start, c.end)).toBe(text.slice(c.start, c.end));
          unit++;
        }
      });
      expect(segment.chunkCount).toBe(unit);
      expect(segment.articleIndexOf('nope')).toBeUndefined();
      expect(segment.localUnitOfLabel(99_999)).toBeUndefined();
      expect(segment.documentFrequency('外相は東京で会談した')).toBe(1);
      expect(segment.documentFrequency('🙂🙂')).toBe(1);
      expect(segment.documentFrequency('absent')).toBe(0);
      expect(segment.sentencesOf(0)[1]).toEqual({ start: 30, end: 49 });
    } finally {
      segment.close();
    }
  });

  it('keeps document frequencies and lengths of a larger synthetic batch', async () => {
    const dir = join(root, 'synthetic');
    const input = syntheticArticles({ articles: 200, vocabulary: vocabulary(200), firstLabel: 1000, seed: 5 });
    await writeSegment(dir, input, { blockSize: 8 });
    const segment = openSegment(dir);
    try {
      const df = new Map<string, number>();
      let total = 0;
      for (const a of input) for (const c of a.chunks) {
        total += c.terms.length;
        for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
      }
      expect(segment.totalLength).toBe(total);
      expect(segment.header.counts.terms).toBe(df.size);
      for (const [term, n] of df) expect(segment.documentFrequency(term), term).toBe(n);
      for (const a of input) for (const c of a.chunks) expect(segment.chunk(segment.localUnitOfLabel(c.label)!).length).toBe(c.terms.length);
    } finally {
      segment.close();
    }
  });

  it('writes into a new folder only, and leaves nothing behind when the input is wrong', async () => {
    const dir = join(root, 'twice');
    await writeSegment(dir, ARTICLES.slice(0, 1));
    await expect(writeSegment(dir, ARTICLES.slice(0, 1))).rejects.toMatchObject({ code: 'SEGMENT_INPUT' });
    const bad = article('bad', 'Bad', 'One sentence. Two sentences.', 0);
    bad.chunks[0]!.end = 999;
    await expect(writeSegment(join(root, 'bad'), [bad])).rejects.toMatchObject({ code: 'SEGMENT_INPUT' });
    const duplicate = [article('x', 'X', 'A b. C d.', 1), article('y', 'Y', 'E f. G h.', 1)];
    await expect(writeSegment(join(root, 'duplicate'), duplicate)).rejects.toMatchObject({ code: 'SEGMENT_INPUT' });
    expect(readdirSync(root).filter((name) => name.includes('bad') || name.includes('duplicate'))).toEqual([]);
  });

  it('writes and opens a segment with no articles, which searches to nothing', async () => {
    const dir = join(root, 'empty');
    await writeSegment(dir, []);
    const segment = openSegment(dir);
    try {
      expect([segment.articleCount, segment.chunkCount, segment.header.counts.terms]).toEqual([0, 0, 0]);
      const searcher = new LexicalSearcher([{ segment }]);
      expect(searcher.unitCount).toBe(0);
      expect(searcher.search(new Map([['oil', 1]]), 10)).toEqual([]);
    } finally {
      segment.close();
    }
  });

  it('accepts an async iterable, so articles can be produced while they are written', async () => {
    async function* produce() {
      for (const a of ARTICLES) yield a;
    }
    const dir = join(root, 'async');
    await writeSegment(dir, produce());
    const segment = openSegment(dir);
    try {
      expect(segment.articleText(3)).toBe(ARTICLES[3]!.article.text);
    } finally {
      segment.close();
    }
  });
});
