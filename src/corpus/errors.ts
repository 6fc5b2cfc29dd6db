/** Stable codes for corpus errors, so callers and tests can branch on the kind, not the wording. */
export type CorpusErrorCode = 'CORPUS_NOT_FOUND' | 'CHUNK_OPTIONS_INVALID';

/** A corpus problem the caller must fix (bad path, bad options); bad files are skipped, not thrown. */
export class CorpusError extends Error {
  readonly code: CorpusErrorCode;

  constructor(code: CorpusErrorCode, message: string) {
    super(message);
    this.name = 'CorpusError';
    this.code = code;
  }
}
