import type { LoadedIndex } from '../store/loadedIndex.ts';

/**
 * The index questions are answered from, swappable while the process runs: a new build is
 * loaded beside the old one, then made current; questions already under way finish on the
 * index they started with, and the old one is closed when the last of them is done.
 */
export class LiveIndex {
  #current: { index: LoadedIndex; users: number; retired: boolean };

  constructor(index: LoadedIndex) {
    this.#current = { index, users: 0, retired: false };
  }

  get current(): LoadedIndex {
    return this.#current.index;
  }

  /** Run `work` on the current index, holding it open until `work` settles. */
  async use<T>(work: (index: LoadedIndex) => Promise<T>): Promise<T> {
    const held = this.#current;
    held.users++;
    try {
      return await work(held.index);
    } finally {
      held.users--;
      if (held.retired && held.users === 0) held.index.store.close();
    }
  }

  /** Make `index` current; the old one closes once no question uses it. */
  swap(index: LoadedIndex): void {
    const old = this.#current;
    this.#current = { index, users: 0, retired: false };
    old.retired = true;
    if (old.users === 0) old.index.store.close();
  }

  close(): void {
    this.#current.retired = true;
    if (this.#current.users === 0) this.#current.index.store.close();
  }
}
