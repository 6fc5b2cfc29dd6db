import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { GrowableUint32 } from './growableUint32.ts';
import { HashedFileWriter } from './hashedFileWriter.ts';
import { encodePostingRegion } from './postingRegion.ts';
import { SegmentError } from './segmentError.ts';
import {
  articlesLayout,
  assertLittleEndian,
  CHUNK_COLUMNS,
  SEGMENT_FILES,
  SEGMENT_FORMAT_NAME,
  SEGMENT_FORMAT_VERSION,
  termsLayout,
  type ChunkColumn,
  type SegmentHeader,
} from './segmentFormat.ts';
import type { SegmentArticleMeta, SegmentChunk, SegmentSummary } from './segmentTypes.ts';

export interface SegmentWriterOptions {
  /** Postings per block. @default DEFAULT_BLOCK_SIZE (128) */
  blockSize: number;
  /** ANALYZER_VERSION of the terms, recorded in the header; null when unknown. */
  analyzerVersion: number | null;
}

/**
 * The one place segment files are written, shared by `writeSegment` (fresh articles) and
 * `mergeSegments` (articles copied from other segments). Articles go first, then terms in
 * ascending UTF-8 byte order; `finish` writes the columns and the header and only then renames
 * the temporary folder into place, so a segment folder either is complete or does not exist.
 * Texts, sentences and postings stream to disk; what stays in memory is per chunk (eight u32
 * columns) and per term (the dictionary), i.e. proportional to this segment, not the archive.
 */
export class SegmentWriter {
  private readonly tempDir: string;
  private readonly texts: HashedFileWriter;
  private readonly sentences: HashedFileWriter;
  private readonly postings: HashedFileWriter;
  private readonly metas: SegmentArticleMeta[] = [];
  private readonly textOffsets: number[] = [0];
  private readonly sentenceStart = new GrowableUint32();
  private readonly chunkStart = new GrowableUint32();
  private readonly columns: Record<Exclude<ChunkColumn, 'labelOrder'>, GrowableUint32>;
  private sentenceCount = 0;
  private totalLength = 0;
  // Term dictionary, filled by addTerm in byte order.
  private readonly termBytes: Buffer[] = [];
  private termByteCount = 0;
  private readonly regionOffsets: number[] = [];
  private readonly dfs = new GrowableUint32();
  private readonly regionWords = new GrowableUint32();
  private postingCount = 0;
  private lastTerm: Buffer | undefined;
  private finished = false;

  constructor(
    readonly dir: string,
    readonly options: SegmentWriterOptions,
  ) {
    assertLittleEndian();
    if (!Number.isInteger(options.blockSize) || options.blockSize < 1 || options.blockSize > 65535) {
      throw new SegmentError('SEGMENT_INPUT', `block size ${options.blockSize} is not an integer from 1 to 65535`);
    }
    if (existsSync(dir)) {
      throw new SegmentError('SEGMENT_INPUT', `segment ${dir} already exists; segments are written once into a new folder`);
    }
    mkdirSync(dirname(dir), { recursive: true });
    this.tempDir = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
    mkdirSync(this.tempDir);
    this.texts = new HashedFileWriter(join(this.tempDir, SEGMENT_FILES.texts));
    this.sentences = new HashedFileWriter(join(this.tempDir, SEGMENT_FILES.sentences));
    this.postings = new HashedFileWriter(join(this.tempDir, SEGMENT_FILES.postings));
    this.sentenceStart.push(0);
    this.chunkStart.push(0);
    this.columns = {
      article: new GrowableUint32(),
      start: new GrowableUint32(),
      end: new GrowableUint32(),
      firstSentence: new GrowableUint32(),
      lastSentence: new GrowableUint32(),
      label: new GrowableUint32(),
      length: new GrowableUint32(),
    };
  }

  get articleCount(): number {
    return this.metas.length;
  }

  get chunkCount(): number {
    return this.columns.label.length;
  }

  /** BM25 length per local unit so far (a view, valid until the next article is added). */
  lengths(): Uint32Array {
    return this.columns.length.view();
  }

  /**
   * Append an article: its metadata, UTF-8 text, sentences as flat [start, end, …] pairs and
   * chunks (their `articleIndex` is ignored: it is this article). Returns its index.
   */
  addArticle(meta: SegmentArticleMeta, text: Uint8Array, sentences: ArrayLike<number>, chunks: ReadonlyArray<Omit<SegmentChunk, 'articleIndex'>>): number {
    const index = this.metas.length;
    this.metas.push(meta);
    this.texts.write(text);
    this.textOffsets.push(this.texts.bytes);
    this.sentences.writeArray(Uint32Array.from(sentences));
    this.sentenceCount += sentences.length / 2;
    this.sentenceStart.push(this.sentenceCount);
    const c = this.columns;
    for (const chunk of chunks) {
      c.article.push(index);
      c.start.push(chunk.start);
      c.end.push(chunk.end);
      c.firstSentence.push(chunk.firstSentence);
      c.lastSentence.push(chunk.lastSentence);
      c.label.push(chunk.label);
      c.length.push(chunk.length);
      this.totalLength += chunk.length;
    }
    this.chunkStart.push(c.label.length);
    return index;
  }

  /**
   * Append a term's postings `[from, to)`: local units ascending, each with its tf ≥ 1. Terms
   * must come in strictly ascending UTF-8 byte order, after every article.
   */
  addTerm(term: Buffer, units: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number): void {
    if (to <= from) return;
    if (this.lastTerm && Buffer.compare(this.lastTerm, term) >= 0) {
      throw new Error(`terms out of order: "${this.lastTerm.toString('utf8')}" before "${term.toString('utf8')}"`);
    }
    this.lastTerm = term;
    const region = encodePostingRegion(units, tfs, from, to, this.lengths(), this.options.blockSize);
    this.regionOffsets.push(this.postings.bytes);
    this.postings.writeArray(region);
    this.regionWords.push(region.length);
    this.dfs.push(to - from);
    this.termBytes.push(term);
    this.termByteCount += term.length;
    this.postingCount += to - from;
  }

  /** Write the remaining files and the header, then move the folder into place. */
  finish(): SegmentSummary {
    if (this.finished) throw new Error('segment writer already finished');
    this.finished = true;
    try {
      const labelOrder = this.labelOrder();
      const files: SegmentHeader['files'] = {};
      files[SEGMENT_FILES.texts] = this.texts.close();
      files[SEGMENT_FILES.sentences] = this.sentences.close();
      files[SEGMENT_FILES.postings] = this.postings.close();
      files[SEGMENT_FILES.articlesJson] = this.writeFile(SEGMENT_FILES.articlesJson, Buffer.from(JSON.stringify(this.metas)));
      files[SEGMENT_FILES.articles] = this.writeFile(SEGMENT_FILES.articles, this.articlesBytes());
      files[SEGMENT_FILES.chunks] = this.writeFile(SEGMENT_FILES.chunks, this.chunksBytes(labelOrder));
      files[SEGMENT_FILES.terms] = this.writeFile(SEGMENT_FILES.terms, this.termsBytes());
      const header: SegmentHeader = {
        format: SEGMENT_FORMAT_NAME,
        version: SEGMENT_FORMAT_VERSION,
        blockSize: this.options.blockSize,
        analyzerVersion: this.options.analyzerVersion,
        counts: {
          articles: this.metas.length,
          sentences: this.sentenceCount,
          chunks: this.chunkCount,
          terms: this.dfs.length,
          termBytes: this.termByteCount,
          postings: this.postingCount,
          totalLength: this.totalLength,
        },
        files,
      };
      const headerBytes = Buffer.from(JSON.stringify(header, null, 2));
      this.writeFile(SEGMENT_FILES.header, headerBytes);
      syncDir(this.tempDir);
      renameSync(this.tempDir, this.dir);
      syncDir(dirname(this.dir));
      const bytes = headerBytes.length + Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
      return {
        dir: this.dir,
        articles: header.counts.articles,
        sentences: header.counts.sentences,
        chunks: header.counts.chunks,
        terms: header.counts.terms,
        postings: header.counts.postings,
        bytes,
      };
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Remove the temporary folder (after a failure). */
  abort(): void {
    this.finished = true;
    this.texts.abandon();
    this.sentences.abandon();
    this.postings.abandon();
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Local units by ascending label; a label used twice is an error (labels are never reused). */
  private labelOrder(): Uint32Array {
    const labels = this.columns.label.view();
    const order = new Uint32Array(labels.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    let sorted = true;
    for (let i = 1; i < labels.length; i++) if (labels[i - 1]! >= labels[i]!) sorted = false;
    if (!sorted) order.sort((x, y) => labels[x]! - labels[y]!);
    for (let i = 1; i < order.length; i++) {
      if (labels[order[i - 1]!] === labels[order[i]!]) {
        throw new SegmentError('SEGMENT_INPUT', `chunk label ${labels[order[i]!]} is used twice in segment ${this.dir}; labels are never reused`);
      }
    }
    return order;
  }

  private articlesBytes(): Uint8Array {
    const a = this.metas.length;
    const layout = articlesLayout(a);
    const out = new Uint8Array(layout.bytes);
    new Float64Array(out.buffer, layout.textOffsets, a + 1).set(this.textOffsets);
    new Uint32Array(out.buffer, layout.sentenceStart, a + 1).set(this.sentenceStart.view());
    new Uint32Array(out.buffer, layout.chunkStart, a + 1).set(this.chunkStart.view());
    return out;
  }

  private chunksBytes(labelOrder: Uint32Array): Uint8Array {
    const c = this.chunkCount;
    const out = new Uint8Array(4 * CHUNK_COLUMNS.length * c);
    CHUNK_COLUMNS.forEach((name, i) => {
      const values = name === 'labelOrder' ? labelOrder : this.columns[name].view();
      new Uint32Array(out.buffer, 4 * c * i, c).set(values);
    });
    return out;
  }

  private termsBytes(): Uint8Array {
    const t = this.dfs.length;
    const layout = termsLayout(t, this.termByteCount);
    const out = new Uint8Array(layout.bytes);
    new Float64Array(out.buffer, layout.regionOffset, t).set(this.regionOffsets);
    const termOffset = new Uint32Array(out.buffer, layout.termOffset, t + 1);
    new Uint32Array(out.buffer, layout.df, t).set(this.dfs.view());
    new Uint32Array(out.buffer, layout.regionWords, t).set(this.regionWords.view());
    let at = 0;
    this.termBytes.forEach((term, i) => {
      termOffset[i] = at;
      out.set(term, layout.strings + at);
      at += term.length;
    });
    termOffset[t] = at;
    return out;
  }

  private writeFile(name: string, content: Uint8Array): { bytes: number; sha256: string } {
    const path = join(this.tempDir, name);
    writeFileSync(path, content, { flag: 'wx' });
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }
}

/** fsync a folder so a rename inside it survives a crash (a no-op where folders cannot be synced). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
