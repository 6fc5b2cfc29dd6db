import { GrowableUint32 } from './growableUint32.ts';
import type { Segment } from './openSegment.ts';
import { decodePostingRegion } from './postingRegion.ts';
import { SEGMENT_FIX, SegmentError } from './segmentError.ts';
import { DEFAULT_BLOCK_SIZE } from './segmentFormat.ts';
import type { SegmentSummary } from './segmentTypes.ts';
import { SegmentWriter } from './segmentWriter.ts';

export interface MergeInput {
  segment: Segment;
  /** Articles (local indexes) to leave out; a SearchSource's tombstones fit here as they are. */
  deleted?: { articles: ReadonlySet<number> };
}

export interface MergeSegmentsOptions {
  /** @default DEFAULT_BLOCK_SIZE (128) */
  blockSize?: number;
}

/**
 * Write one new segment holding the live articles of `inputs`, in input order, with their
 * labels, texts, sentences and chunks unchanged; tombstoned articles are dropped. Postings
 * are merged term by term (a k-way merge of the sorted dictionaries): one term's postings
 * from every input are decoded, renumbered and written before the next is read, so memory is
 * the output's per-chunk columns and dictionary plus one term's postings, never all lists.
 */
export async function mergeSegments(inputs: readonly MergeInput[], outDir: string, options: MergeSegmentsOptions = {}): Promise<SegmentSummary> {
  const writer = new SegmentWriter(outDir, { blockSize: options.blockSize ?? DEFAULT_BLOCK_SIZE, analyzerVersion: commonAnalyzer(inputs, outDir) });
  try {
    // Articles first: each input's live units get new, ascending numbers (the remap).
    const ids = new Set<string>();
    const remaps = inputs.map(({ segment, deleted }) => {
      const remap = new Int32Array(segment.chunkCount).fill(-1);
      const { columns } = segment;
      for (let a = 0; a < segment.articleCount; a++) {
        if (deleted?.articles.has(a)) continue;
        const meta = segment.articleMeta(a);
        if (ids.has(meta.id)) throw new SegmentError('SEGMENT_INPUT', `article "${meta.id}" is live in two of the segments merged into ${outDir}; tombstone the older one`);
        ids.add(meta.id);
        const { from, to } = segment.chunkRangeOf(a);
        const first = writer.chunkCount;
        const chunks = [];
        for (let u = from; u < to; u++) {
          remap[u] = first + u - from;
          chunks.push({
            start: columns.start[u]!,
            end: columns.end[u]!,
            firstSentence: columns.firstSentence[u]!,
            lastSentence: columns.lastSentence[u]!,
            label: columns.label[u]!,
            length: columns.length[u]!,
          });
        }
        writer.addArticle(meta, segment.articleTextBytes(a), segment.sentenceOffsets(a), chunks);
      }
      return remap;
    });

    // Then terms in byte order, each from every input that has it.
    const next = inputs.map(() => 0);
    const units = new GrowableUint32();
    const tfs = new GrowableUint32();
    for (;;) {
      let smallest: Uint8Array | undefined;
      inputs.forEach(({ segment }, s) => {
        if (next[s]! >= segment.dictionary.size) return;
        const term = segment.dictionary.bytesOf(next[s]!);
        if (!smallest || Buffer.compare(term, smallest) < 0) smallest = term;
      });
      if (!smallest) break;
      const term = Buffer.from(smallest);
      units.clear();
      tfs.clear();
      inputs.forEach(({ segment }, s) => {
        const id = next[s]!;
        if (id >= segment.dictionary.size || Buffer.compare(segment.dictionary.bytesOf(id), term) !== 0) return;
        next[s] = id + 1;
        const postings = decodePostingRegion(segment.postingRegion(id, false), segment.dictionary.df[id]!, segment.blockSize);
        const remap = remaps[s]!;
        for (let i = 0; i < postings.units.length; i++) {
          const unit = remap[postings.units[i]!]!;
          if (unit < 0) continue;
          units.push(unit);
          tfs.push(postings.tfs[i]!);
        }
      });
      writer.addTerm(term, units.view(), tfs.view(), 0, units.length);
    }
    return writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** The analyzer version all inputs share (null when unknown); terms cut two ways cannot be merged. */
function commonAnalyzer(inputs: readonly MergeInput[], outDir: string): number | null {
  const versions = new Set(inputs.map(({ segment }) => segment.header.analyzerVersion));
  if (versions.size > 1) {
    throw new SegmentError('SEGMENT_INPUT', `segments merged into ${outDir} were analysed with different versions (${[...versions].join(', ')}): ${SEGMENT_FIX}`);
  }
  return versions.values().next().value ?? null;
}
