import { z } from 'zod';

/**
 * The on-disk layout of one segment folder, shared by the writer, the reader and the checker.
 * Every binary file is a run of little-endian typed-array columns whose lengths follow from the
 * counts in `segment.json`, so opening a segment is reading a few buffers and taking views:
 * nothing is parsed per row but the article metadata JSON.
 *
 * Bump SEGMENT_FORMAT_VERSION whenever a byte would be read differently; a segment of another
 * version is rebuilt, never misread.
 */
export const SEGMENT_FORMAT_VERSION = 1;
export const SEGMENT_FORMAT_NAME = 'archivist-segment';

/** Postings per block: the unit of decoding and of block-max bounds. @default 128 */
export const DEFAULT_BLOCK_SIZE = 128;

export const SEGMENT_FILES = {
  /** The header: format, version, counts, byte size and sha256 of every other file. */
  header: 'segment.json',
  /** Article metadata (everything but the text) plus the content hash, as one JSON array. */
  articlesJson: 'articles.json',
  /** Every article's text, UTF-8, back to back. */
  texts: 'texts.bin',
  /** Per article: f64 text byte offsets [A+1], u32 first sentence [A+1], u32 first chunk [A+1]. */
  articles: 'articles.bin',
  /** Per sentence: u32 start, u32 end (UTF-16 offsets), grouped by article. */
  sentences: 'sentences.bin',
  /** Per chunk, column after column (u32 each): see CHUNK_COLUMNS. */
  chunks: 'chunks.bin',
  /** Term dictionary: f64 region offset [T], u32 term byte offset [T+1], u32 df [T], u32 region words [T], term bytes. */
  terms: 'terms.bin',
  /** One posting region per term, in dictionary order (see postingRegion.ts). */
  postings: 'postings.bin',
} as const;

/** The data files (all but the header), in the order they are written and checked. */
export const DATA_FILES = [
  SEGMENT_FILES.articlesJson,
  SEGMENT_FILES.texts,
  SEGMENT_FILES.articles,
  SEGMENT_FILES.sentences,
  SEGMENT_FILES.chunks,
  SEGMENT_FILES.terms,
  SEGMENT_FILES.postings,
] as const;

/**
 * The u32 columns of chunks.bin, in file order. `labelOrder` lists local units by ascending
 * label, so a label is found by binary search whatever order the articles came in.
 */
export const CHUNK_COLUMNS = ['article', 'start', 'end', 'firstSentence', 'lastSentence', 'label', 'length', 'labelOrder'] as const;
export type ChunkColumn = (typeof CHUNK_COLUMNS)[number];

const fileEntry = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const segmentHeaderSchema = z.object({
  format: z.literal(SEGMENT_FORMAT_NAME),
  version: z.number().int(),
  blockSize: z.number().int().min(1).max(65535),
  /** ANALYZER_VERSION the chunk terms were cut with, when the writer was told. */
  analyzerVersion: z.number().int().nullable(),
  counts: z.object({
    articles: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
    terms: z.number().int().nonnegative(),
    /** Bytes of the UTF-8 term strings in terms.bin. */
    termBytes: z.number().int().nonnegative(),
    /** Postings (term, chunk) pairs. */
    postings: z.number().int().nonnegative(),
    /** Sum of chunk lengths (BM25 terms), so statistics need no scan of the length column. */
    totalLength: z.number().int().nonnegative(),
  }),
  files: z.record(z.string(), fileEntry),
});

export type SegmentHeader = z.infer<typeof segmentHeaderSchema>;
export type SegmentCounts = SegmentHeader['counts'];

/** Byte offsets of the columns of articles.bin for `a` articles. */
export function articlesLayout(a: number) {
  const textOffsets = 0;
  const sentenceStart = textOffsets + 8 * (a + 1);
  const chunkStart = sentenceStart + 4 * (a + 1);
  const bytes = chunkStart + 4 * (a + 1);
  return { textOffsets, sentenceStart, chunkStart, bytes };
}

/** Byte offsets of the columns of terms.bin. */
export function termsLayout(t: number, termBytes: number) {
  const regionOffset = 0;
  const termOffset = regionOffset + 8 * t;
  const df = termOffset + 4 * (t + 1);
  const regionWords = df + 4 * t;
  const strings = regionWords + 4 * t;
  const bytes = strings + termBytes;
  return { regionOffset, termOffset, df, regionWords, strings, bytes };
}

/** Byte size of every fixed-layout file, from the counts alone. */
export function expectedFileBytes(counts: SegmentCounts): Partial<Record<string, number>> {
  return {
    [SEGMENT_FILES.articles]: articlesLayout(counts.articles).bytes,
    [SEGMENT_FILES.sentences]: 8 * counts.sentences,
    [SEGMENT_FILES.chunks]: 4 * CHUNK_COLUMNS.length * counts.chunks,
    [SEGMENT_FILES.terms]: termsLayout(counts.terms, counts.termBytes).bytes,
  };
}

/**
 * Typed arrays are read and written in the host's byte order; the format is little-endian, so
 * a big-endian host must not read or write it (none that Node ships for today).
 */
export function assertLittleEndian(): void {
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    throw new Error('segment files are little-endian; this host is big-endian and cannot read them');
  }
}
