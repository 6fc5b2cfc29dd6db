/**
 * The segment storage library: immutable folders of articles with binary columns and a
 * block-max inverted index, opened cheaply, searched with BM25 over several segments with
 * tombstones, and merged term by term. Import from here; the other files are its parts.
 */
export { writeSegment, type WriteSegmentOptions } from './writeSegment.ts';
export { openSegment, Segment, DEFAULT_SEGMENT_CACHE_BYTES, type OpenSegmentOptions } from './openSegment.ts';
export { verifySegment } from './verifySegment.ts';
export { LexicalSearcher, type LexicalSearchHit, type SearchSource, type SearchStats, type Tombstones } from './lexicalSearcher.ts';
export { describeTombstones } from './describeTombstones.ts';
export { mergeSegments, type MergeInput, type MergeSegmentsOptions } from './mergeSegments.ts';
export { ByteLru } from './byteLru.ts';
export { SegmentError, type SegmentErrorCode } from './segmentError.ts';
export { DEFAULT_BLOCK_SIZE, SEGMENT_FILES, SEGMENT_FORMAT_VERSION, type SegmentHeader } from './segmentFormat.ts';
export type { SegmentArticleInput, SegmentArticleMeta, SegmentChunk, SegmentChunkInput, SegmentSummary } from './segmentTypes.ts';
