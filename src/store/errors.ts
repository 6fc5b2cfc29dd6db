/** Why an index cannot be used. Tests assert `code`, people read `message` (it names the fix). */
export type IndexErrorCode = 'INDEX_MISSING' | 'INDEX_CORRUPT' | 'INDEX_MISMATCH' | 'INDEX_VERSION';

export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IndexError';
  }
}
