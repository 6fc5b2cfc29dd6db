import { closeSync, existsSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Span } from '../../corpus/types.ts';
import { ByteLru } from './byteLru.ts';
import { REGION_HEADER_WORDS, SKIP_WORDS } from './postingRegion.ts';
import { readExactly } from './readExactly.ts';
import { corruptSegment, SEGMENT_FIX, SegmentError } from './segmentError.ts';
import { articlesLayout, assertLittleEndian, CHUNK_COLUMNS, DATA_FILES, SEGMENT_FILES, type ChunkColumn, type SegmentHeader } from './segmentFormat.ts';
import { readSegmentHeader } from './readSegmentHeader.ts';
import type { SegmentArticleMeta, SegmentChunk } from './segmentTypes.ts';
import { TermDictionary } from './termDictionary.ts';

export interface OpenSegmentOptions {
  /**
   * Cache for decoded texts, sentences and posting regions. Pass one ByteLru to several
   * segments to give them a single budget. @default a new cache of DEFAULT_SEGMENT_CACHE_BYTES
   */
  cache?: ByteLru<string, unknown>;
}

/** @default 16 MiB per segment when no shared cache is given. */
export const DEFAULT_SEGMENT_CACHE_BYTES = 16 * 2 ** 20;

let openedSegments = 0;

/**
 * Open a segment folder. Cheap by design: reads the header, the term dictionary and the small
 * per-article and per-chunk columns (typed-array views, nothing parsed per row but the article
 * metadata JSON), checks every file's size against the header and the columns against each
 * other (O(articles + chunks + terms)), and hashes nothing: `verifySegment` does that on
 * demand. Texts, sentences and postings are read later through positioned reads on open file
 * descriptors, so processes opening the same index share the OS page cache.
 * Throws SegmentError: SEGMENT_MISSING, SEGMENT_VERSION or SEGMENT_CORRUPT, naming the fix.
 */
export function openSegment(dir: string, options: OpenSegmentOptions = {}): Segment {
  assertLittleEndian();
  if (!existsSync(dir)) throw new SegmentError('SEGMENT_MISSING', `segment ${dir} does not exist; ${SEGMENT_FIX}`);
  const header = readSegmentHeader(dir);
  const fds: number[] = [];
  try {
    const open = (name: string): number => {
      let fd: number;
      try {
        fd = openSync(join(dir, name), 'r');
      } catch {
        throw corruptSegment(dir, `${name} is missing`);
      }
      fds.push(fd);
      const bytes = fstatSync(fd).size;
      const expected = header.files[name]!.bytes;
      if (bytes !== expected) throw corruptSegment(dir, `${name} has ${bytes} bytes; ${SEGMENT_FILES.header} says ${expected}`);
      return fd;
    };
    const [articlesJson, texts, articles, sentences, chunks, terms, postings] = DATA_FILES.map(open) as [number, number, number, number, number, number, number];
    const small = (fd: number, name: string): Uint8Array => {
      const bytes = new Uint8Array(header.files[name]!.bytes);
      if (!readExactly(fd, bytes, 0)) throw corruptSegment(dir, `${name} ended early`);
      return bytes;
    };
    const metas = parseMetas(dir, small(articlesJson, SEGMENT_FILES.articlesJson), header.counts.articles);
    const segment = new Segment(
      dir,
      header,
      metas,
      small(articles, SEGMENT_FILES.articles),
      small(chunks, SEGMENT_FILES.chunks),
      new TermDictionary(small(terms, SEGMENT_FILES.terms), header.counts.terms, header.counts.termBytes),
      { texts, sentences, postings },
      options.cache ?? new ByteLru<string, unknown>(DEFAULT_SEGMENT_CACHE_BYTES),
    );
    for (const fd of [articlesJson, articles, chunks, terms]) closeSync(fd);
    return segment;
  } catch (error) {
    for (const fd of fds) closeSync(fd);
    throw error;
  }
}

/**
 * An open, immutable segment: articles, their texts and sentences, chunks (local units
 * 0…chunkCount−1 in article order), and the inverted index. Offsets are UTF-16 offsets into
 * `articleText(i)`, as everywhere else in Archivist.
 */
export class Segment {
  readonly articleCount: number;
  readonly sentenceCount: number;
  readonly chunkCount: number;
  /** Sum of chunk lengths (BM25 terms). */
  readonly totalLength: number;
  readonly blockSize: number;
  /** Per-chunk u32 columns (see CHUNK_COLUMNS); `labelOrder` lists units by ascending label. */
  readonly columns: Readonly<Record<ChunkColumn, Uint32Array>>;
  /** The sorted term dictionary (for the searcher and merging). */
  readonly dictionary: TermDictionary;
  private readonly textOffsets: Float64Array;
  private readonly sentenceStart: Uint32Array;
  private readonly chunkStart: Uint32Array;
  private readonly key: string;
  private idIndex: Map<string, number> | undefined;
  private fds: { texts: number; sentences: number; postings: number } | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly dir: string,
    readonly header: SegmentHeader,
    private readonly metas: readonly SegmentArticleMeta[],
    articlesBin: Uint8Array,
    chunksBin: Uint8Array,
    dictionary: TermDictionary,
    fds: { texts: number; sentences: number; postings: number },
    private readonly cache: ByteLru<string, unknown>,
  ) {
    const { counts } = header;
    this.articleCount = counts.articles;
    this.sentenceCount = counts.sentences;
    this.chunkCount = counts.chunks;
    this.totalLength = counts.totalLength;
    this.blockSize = header.blockSize;
    const a = articlesLayout(counts.articles);
    this.textOffsets = new Float64Array(articlesBin.buffer, a.textOffsets, counts.articles + 1);
    this.sentenceStart = new Uint32Array(articlesBin.buffer, a.sentenceStart, counts.articles + 1);
    this.chunkStart = new Uint32Array(articlesBin.buffer, a.chunkStart, counts.articles + 1);
    const c = counts.chunks;
    this.columns = Object.fromEntries(CHUNK_COLUMNS.map((name, i) => [name, new Uint32Array(chunksBin.buffer, 4 * c * i, c)])) as Record<ChunkColumn, Uint32Array>;
    this.dictionary = dictionary;
    this.fds = fds;
    this.key = `${openedSegments++}:`;
    this.checkColumns();
  }

  /** Metadata of article `i` (everything but its text, plus its content hash). */
  articleMeta(i: number): SegmentArticleMeta {
    this.checkArticle(i);
    return this.metas[i]!;
  }

  /** Index of the article with this id, or undefined. */
  articleIndexOf(id: string): number | undefined {
    if (!this.idIndex) this.idIndex = new Map(this.metas.map((m, i) => [m.id, i]));
    return this.idIndex.get(id);
  }

  /** Article `i` as the corpus loader gave it (its text read from disk). */
  article(i: number): Article {
    const { hash: _hash, ...meta } = this.articleMeta(i);
    return { ...meta, text: this.articleText(i) };
  }

  /** The cleaned text of article `i`, decoded from UTF-8 (read lazily, cached). */
  articleText(i: number): string {
    this.checkArticle(i);
    const key = `${this.key}t${i}`;
    const cached = this.cache.get(key) as string | undefined;
    if (cached !== undefined) return cached;
    const text = this.decoder.decode(this.articleTextBytes(i));
    this.cache.set(key, text, 2 * text.length + 64);
    return text;
  }

  /** The UTF-8 bytes of article `i`'s text, uncached (for merging). */
  articleTextBytes(i: number): Uint8Array {
    this.checkArticle(i);
    const start = this.textOffsets[i]!;
    const bytes = new Uint8Array(this.textOffsets[i + 1]! - start);
    if (!readExactly(this.open().texts, bytes, start)) throw corruptSegment(this.dir, `${SEGMENT_FILES.texts} ended early`);
    return bytes;
  }

  /** Sentences of article `i` in order, as offsets into its text (read lazily, cached). */
  sentencesOf(i: number): readonly Span[] {
    this.checkArticle(i);
    const key = `${this.key}s${i}`;
    const cached = this.cache.get(key) as Span[] | undefined;
    if (cached) return cached;
    const flat = this.sentenceOffsets(i);
    const spans: Span[] = [];
    for (let s = 0; s < flat.length; s += 2) spans.push({ start: flat[s]!, end: flat[s + 1]! });
    this.cache.set(key, spans, 48 * spans.length + 64);
    return spans;
  }

  /** Article `i`'s sentences as flat [start, end, …] pairs, uncached (for merging). */
  sentenceOffsets(i: number): Uint32Array {
    this.checkArticle(i);
    const first = this.sentenceStart[i]!;
    const flat = new Uint32Array(2 * (this.sentenceStart[i + 1]! - first));
    if (!readExactly(this.open().sentences, new Uint8Array(flat.buffer), 8 * first)) {
      throw corruptSegment(this.dir, `${SEGMENT_FILES.sentences} ended early`);
    }
    return flat;
  }

  /** Local units of article `i`: [from, to). */
  chunkRangeOf(i: number): { from: number; to: number } {
    this.checkArticle(i);
    return { from: this.chunkStart[i]!, to: this.chunkStart[i + 1]! };
  }

  /** Chunk `unit` (a local unit, 0…chunkCount−1). */
  chunk(unit: number): SegmentChunk {
    if (!Number.isInteger(unit) || unit < 0 || unit >= this.chunkCount) throw new RangeError(`no chunk ${unit} in segment ${this.dir} (${this.chunkCount} chunks)`);
    const c = this.columns;
    return {
      articleIndex: c.article[unit]!,
      start: c.start[unit]!,
      end: c.end[unit]!,
      firstSentence: c.firstSentence[unit]!,
      lastSentence: c.lastSentence[unit]!,
      label: c.label[unit]!,
      length: c.length[unit]!,
    };
  }

  /** The local unit holding this label, or undefined (binary search over `labelOrder`). */
  localUnitOfLabel(label: number): number | undefined {
    const { labelOrder, label: labels } = this.columns;
    let lo = 0;
    let hi = labelOrder.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const unit = labelOrder[mid]!;
      const at = labels[unit]!;
      if (at === label) return unit;
      if (at < label) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Chunks of this segment holding `term` (tombstones not subtracted). */
  documentFrequency(term: string): number {
    const id = this.dictionary.find(Buffer.from(term, 'utf8'));
    return id < 0 ? 0 : this.dictionary.df[id]!;
  }

  /**
   * Term `id`'s posting region (see postingRegion.ts), read with one positioned read. Cached
   * unless `cache` is false (merging reads each region once and should not evict hot ones).
   */
  postingRegion(id: number, cache = true): Uint32Array {
    if (!Number.isInteger(id) || id < 0 || id >= this.dictionary.size) throw new RangeError(`no term ${id} in segment ${this.dir} (${this.dictionary.size} terms)`);
    const key = `${this.key}p${id}`;
    if (cache) {
      const cached = this.cache.get(key) as Uint32Array | undefined;
      if (cached) return cached;
    }
    const words = this.dictionary.regionWords[id]!;
    const region = new Uint32Array(words);
    if (!readExactly(this.open().postings, new Uint8Array(region.buffer), this.dictionary.regionOffset[id]!)) {
      throw corruptSegment(this.dir, `${SEGMENT_FILES.postings} ended early`);
    }
    const df = this.dictionary.df[id]!;
    const blocks = region[0]!;
    if (blocks !== Math.ceil(df / this.blockSize) || REGION_HEADER_WORDS + 2 * region[1]! + SKIP_WORDS * blocks > words) {
      throw corruptSegment(this.dir, `the postings of term ${id} do not match the dictionary`);
    }
    if (cache) this.cache.set(key, region, region.byteLength + 64);
    return region;
  }

  /** Close the file descriptors; the segment cannot read texts or postings afterwards. */
  close(): void {
    if (!this.fds) return;
    for (const fd of Object.values(this.fds)) closeSync(fd);
    this.fds = undefined;
  }

  private open(): { texts: number; sentences: number; postings: number } {
    if (!this.fds) throw new Error(`segment ${this.dir} is closed`);
    return this.fds;
  }

  private checkArticle(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.articleCount) throw new RangeError(`no article ${i} in segment ${this.dir} (${this.articleCount} articles)`);
  }

  /**
   * The columns must agree with each other and with the header: offsets ascending and ending
   * where the files end, chunks inside their articles, labels ordered, posting regions back to
   * back. One pass over each in-memory column; a mismatch means a damaged or foreign file.
   */
  private checkColumns(): void {
    const { counts, files } = this.header;
    const bad = (detail: string) => corruptSegment(this.dir, detail);
    if (!ascending(this.textOffsets, 0, files[SEGMENT_FILES.texts]!.bytes)) throw bad(`${SEGMENT_FILES.articles} text offsets do not fit ${SEGMENT_FILES.texts}`);
    if (!ascending(this.sentenceStart, 0, counts.sentences)) throw bad(`${SEGMENT_FILES.articles} sentence offsets do not fit ${counts.sentences} sentences`);
    if (!ascending(this.chunkStart, 0, counts.chunks)) throw bad(`${SEGMENT_FILES.articles} chunk offsets do not fit ${counts.chunks} chunks`);
    const { article, length, label, labelOrder } = this.columns;
    let total = 0;
    for (let a = 0; a < this.articleCount; a++) {
      for (let u = this.chunkStart[a]!; u < this.chunkStart[a + 1]!; u++) if (article[u] !== a) throw bad(`chunk ${u} is not in article ${a}`);
    }
    for (let u = 0; u < this.chunkCount; u++) total += length[u]!;
    if (total !== counts.totalLength) throw bad(`chunk lengths add up to ${total}, not ${counts.totalLength}`);
    for (let i = 1; i < labelOrder.length; i++) {
      if (labelOrder[i]! >= this.chunkCount || label[labelOrder[i - 1]!]! >= label[labelOrder[i]!]!) throw bad('chunk labels are not in order');
    }
    const d = this.dictionary;
    if (!d.offsetsConsistent()) throw bad(`${SEGMENT_FILES.terms} term offsets are inconsistent`);
    let offset = 0;
    let postings = 0;
    for (let t = 0; t < d.size; t++) {
      if (d.regionOffset[t] !== offset || d.df[t] === 0) throw bad(`${SEGMENT_FILES.terms} posting regions are not back to back`);
      offset += 4 * d.regionWords[t]!;
      postings += d.df[t]!;
    }
    if (offset !== files[SEGMENT_FILES.postings]!.bytes) throw bad(`posting regions end at ${offset}, ${SEGMENT_FILES.postings} has ${files[SEGMENT_FILES.postings]!.bytes} bytes`);
    if (postings !== counts.postings) throw bad(`document frequencies add up to ${postings}, not ${counts.postings}`);
  }
}

function parseMetas(dir: string, bytes: Uint8Array, count: number): SegmentArticleMeta[] {
  let metas: unknown;
  try {
    metas = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  } catch {
    throw corruptSegment(dir, `${SEGMENT_FILES.articlesJson} is not valid JSON`);
  }
  if (!Array.isArray(metas) || metas.length !== count || !metas.every((m) => typeof m?.id === 'string')) {
    throw corruptSegment(dir, `${SEGMENT_FILES.articlesJson} does not hold ${count} articles`);
  }
  return metas as SegmentArticleMeta[];
}

/** Non-decreasing, from `first` to `last`. */
function ascending(values: ArrayLike<number>, first: number, last: number): boolean {
  if (values[0] !== first || values[values.length - 1] !== last) return false;
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}
