import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Appends to a new file through a 1 MiB buffer and hashes the bytes as they pass, so the
 * writer records each file's size and sha256 without reading anything back.
 */
export class HashedFileWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private buffered = 0;
  private written = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  get bytes(): number {
    return this.written + this.buffered;
  }

  write(bytes: Uint8Array): void {
    this.hash.update(bytes);
    if (bytes.length > this.buffer.length - this.buffered) this.flush();
    if (bytes.length >= this.buffer.length) {
      writeAll(this.fd, bytes);
      this.written += bytes.length;
      return;
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
  }

  /** The bytes of a typed array as they lie in memory (little-endian on every supported host). */
  writeArray(values: ArrayBufferView): void {
    this.write(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  /** Flush, fsync and close; returns the file's size and sha256. */
  close(): { bytes: number; sha256: string } {
    this.flush();
    fsyncSync(this.fd);
    this.closed = true;
    closeSync(this.fd);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  /** Close without syncing, for clean-up after a failure. */
  abandon(): void {
    // Never close twice: the descriptor number may already belong to another file.
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffered === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.buffered));
    this.written += this.buffered;
    this.buffered = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}
