import { readSync } from 'node:fs';

/**
 * Fill `into` from `fd` at byte `position` with positioned reads (no shared file offset, so
 * any number of lazy readers can use one descriptor). Returns false when the file ends first.
 */
export function readExactly(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}
