/**
 * Turns text into unit-length vectors. Every backend sits behind this seam, so the store,
 * ingest and question answering never know which one is in use.
 */
export interface Embedder {
  /** Backend name recorded in the manifest: `minilm` or `hashed`. */
  readonly name: EmbedderName;
  readonly dims: number;
  /**
   * Identifies everything that changes the vectors (model id and quantisation, feature
   * hashing scheme, fitted statistics). Two indexes built with different fingerprints
   * cannot share vectors.
   */
  readonly fingerprint: string;
  /** L2-normalised vectors, one per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

export type EmbedderName = 'minilm' | 'hashed';
/** What a user may ask for: a backend by name, or `auto` (minilm when it loads, else hashed). */
export type EmbedderChoice = EmbedderName | 'auto';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = ['auto', 'minilm', 'hashed'];
