import { GrowableUint32 } from './growableUint32.ts';
import { SegmentError } from './segmentError.ts';
import { DEFAULT_BLOCK_SIZE } from './segmentFormat.ts';
import type { SegmentArticleInput, SegmentSummary } from './segmentTypes.ts';
import { SegmentWriter } from './segmentWriter.ts';

export interface WriteSegmentOptions {
  /** Postings per block (the unit of decoding and of block-max bounds). @default 128 */
  blockSize?: number;
  /** ANALYZER_VERSION the chunk terms were cut with, recorded in the header. @default null */
  analyzerVersion?: number | null;
}

/**
 * Write a batch of articles as a new, immutable segment folder `dir` (which must not exist).
 * Articles keep the order given; chunks are numbered as local units in that order. The
 * inverted index is built from each chunk's `terms`: postings are collected as compact
 * (term, unit, tf) columns and grouped by term at the end, so memory is about 12 bytes per
 * posting of this batch. Input may be an async iterable, so a caller can segment and analyse
 * articles while they are written.
 */
export async function writeSegment(
  dir: string,
  input: Iterable<SegmentArticleInput> | AsyncIterable<SegmentArticleInput>,
  options: WriteSegmentOptions = {},
): Promise<SegmentSummary> {
  const writer = new SegmentWriter(dir, { blockSize: options.blockSize ?? DEFAULT_BLOCK_SIZE, analyzerVersion: options.analyzerVersion ?? null });
  try {
    const termIds = new Map<string, number>();
    const postingTerm = new GrowableUint32(1 << 16);
    const postingUnit = new GrowableUint32(1 << 16);
    const postingTf = new GrowableUint32(1 << 16);
    const seenIds = new Set<string>();
    // Per term id: the last unit it was seen in, and the index of that posting.
    const lastUnit: number[] = [];
    const slot: number[] = [];
    const encoder = new TextEncoder();

    for await (const item of input) {
      checkArticle(item, dir, seenIds);
      const { article, hash, fingerprint } = item;
      const sentences: number[] = [];
      for (const s of item.sentences) sentences.push(s.start, s.end);
      const firstUnit = writer.chunkCount;
      const { text: _text, ...meta } = article;
      writer.addArticle(
        { ...meta, hash, ...(fingerprint === undefined ? {} : { fingerprint }) },
        encoder.encode(article.text),
        sentences,
        item.chunks.map((c) => ({
          start: c.start,
          end: c.end,
          firstSentence: c.firstSentence,
          lastSentence: c.lastSentence,
          label: c.label,
          length: c.terms.length,
        })),
      );
      item.chunks.forEach((chunk, i) => {
        const unit = firstUnit + i;
        for (const term of chunk.terms) {
          let id = termIds.get(term);
          if (id === undefined) {
            termIds.set(term, (id = termIds.size));
            lastUnit.push(-1);
            slot.push(0);
          }
          // A term seen again in this chunk bumps its posting's tf; otherwise a new posting.
          if (lastUnit[id] === unit) {
            postingTf.increment(slot[id]!);
          } else {
            lastUnit[id] = unit;
            slot[id] = postingTf.length;
            postingTerm.push(id);
            postingUnit.push(unit);
            postingTf.push(1);
          }
        }
      });
    }

    // Group postings by term (a stable counting sort keeps units ascending), then write terms
    // in UTF-8 byte order, the order the reader binary-searches.
    const termCount = termIds.size;
    const perTerm = new Uint32Array(termCount + 1);
    const terms = postingTerm.view();
    for (let i = 0; i < terms.length; i++) perTerm[terms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) perTerm[t + 1]! += perTerm[t]!;
    const fill = perTerm.slice(0, termCount);
    const units = new Uint32Array(terms.length);
    const tfs = new Uint32Array(terms.length);
    const unitView = postingUnit.view();
    const tfView = postingTf.view();
    for (let i = 0; i < terms.length; i++) {
      const at = fill[terms[i]!]!++;
      units[at] = unitView[i]!;
      tfs[at] = tfView[i]!;
    }
    const byBytes = [...termIds].map(([term, id]) => ({ bytes: Buffer.from(term, 'utf8'), id }));
    byBytes.sort((x, y) => Buffer.compare(x.bytes, y.bytes));
    for (const { bytes, id } of byBytes) writer.addTerm(bytes, units, tfs, perTerm[id]!, perTerm[id + 1]!);
    return writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Offsets that do not fit the text would make every later quote wrong; refuse them here. */
function checkArticle(item: SegmentArticleInput, dir: string, seenIds: Set<string>): void {
  const { article, sentences, chunks } = item;
  const bad = (detail: string) => new SegmentError('SEGMENT_INPUT', `article "${article.id}" cannot be written to segment ${dir}: ${detail}`);
  if (seenIds.has(article.id)) throw bad('its id is already in this segment');
  seenIds.add(article.id);
  if (typeof item.hash !== 'string') throw bad('it has no content hash');
  const length = article.text.length;
  sentences.forEach((s, i) => {
    if (!isOffset(s.start) || !isOffset(s.end) || s.start > s.end || s.end > length) throw bad(`sentence ${i} (${s.start}-${s.end}) is outside its text (${length})`);
  });
  chunks.forEach((c, i) => {
    if (!isOffset(c.start) || !isOffset(c.end) || c.start > c.end || c.end > length) throw bad(`chunk ${i} (${c.start}-${c.end}) is outside its text (${length})`);
    if (!isOffset(c.firstSentence) || c.firstSentence > c.lastSentence || c.lastSentence >= sentences.length) {
      throw bad(`chunk ${i} covers sentences ${c.firstSentence}-${c.lastSentence} of ${sentences.length}`);
    }
    if (!isOffset(c.label)) throw bad(`chunk ${i} has label ${c.label}; labels are integers from 0 to 2^32 - 1`);
  });
}

function isOffset(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}
