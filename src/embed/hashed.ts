import { createHash } from 'node:crypto';
import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Embedder } from './types.ts';
import { countsVector, fitWordVectors, type WordVectors } from './wordVectors.ts';

/**
 * The offline backend: needs no downloaded weights. A text's vector has two parts: a signed
 * feature-hashed vector of its stemmed content words and adjacent-word pairs, each weighted by
 * sublinear term frequency times IDF (what it says, word for word), and the IDF-weighted mean
 * of word vectors learned from the archive itself (wordVectors.ts: what it is about, in any
 * words). Both are fitted on the corpus at a full build and frozen in the index
 * (`embedder.json`), so incremental ingests and questions weigh terms exactly as the stored
 * vectors were weighed. An archive too small to learn word vectors from gets the hashed part only.
 */
/** Scheme version: bump when features change so old indexes are rebuilt. */
export const HASHED_VERSION = 2;

export interface HashedState {
  version: typeof HASHED_VERSION;
  /** Dimensions of the hashed part. */
  dims: number;
  /** Number of texts the document frequencies were counted over. */
  docCount: number;
  /** Document frequency per stemmed term. */
  df: Record<string, number>;
  /** Word vectors learned from the archive, and the share of the cosine they carry. */
  semantic?: { words: string[]; dims: number; weight: number; vectors: string };
}

/**
 * Share of the similarity carried by the archive's word vectors. Chosen on SciFact (train
 * claims): nDCG@10 0.692 with hashing alone (see docs/quality.md for the sweep).
 */
export const SEMANTIC_WEIGHT = 0.6;
/** Texts (chunks) the word vectors are fitted on at most: the first ones, so the fit's cost and memory stay bounded. */
export const SEMANTIC_FIT_TEXTS = 20_000;
/**
 * Fewer texts than this teach word vectors nothing but noise (a few articles' co-occurrences):
 * such an archive gets the hashed part only.
 */
export const SEMANTIC_MIN_TEXTS = 500;

/** @default 256: measured on SciFact, 256 and 384 dims retrieve alike (nDCG@10 0.691 vs 0.694) and 256 builds the graph faster. */
export const DEFAULT_HASHED_DIMS = 256;
const BIGRAM_WEIGHT = 0.5;

export interface HashedEmbedder extends Embedder {
  readonly state: HashedState;
  /**
   * Vectors from already analysed terms (`analyzeTerms(text)` per text): the same vectors
   * `embed` gives for those texts, without analysing them again (ingest has the terms).
   */
  embedTerms(termLists: readonly (readonly string[])[]): Float32Array[];
}

/**
 * Count document frequencies over the corpus and return an embedder using them. Takes the
 * texts' analysed terms (analyzeTerms), which ingest computes once for the lexical index too.
 */
export function fitHashedEmbedder(termLists: Iterable<readonly string[]>, dims = DEFAULT_HASHED_DIMS, semanticWeight = SEMANTIC_WEIGHT): HashedEmbedder {
  const df = new Map<string, number>();
  let docCount = 0;
  const seen = new Set<string>();
  const sample: Array<readonly string[]> = [];
  for (const terms of termLists) {
    docCount++;
    if (sample.length < SEMANTIC_FIT_TEXTS) sample.push(terms);
    seen.clear();
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const vectors = semanticWeight > 0 && sample.length >= SEMANTIC_MIN_TEXTS ? fitWordVectors(sample) : undefined;
  const semantic = vectors && { words: vectors.words, dims: vectors.dims, weight: semanticWeight, vectors: Buffer.from(vectors.vectors.buffer, vectors.vectors.byteOffset, vectors.vectors.byteLength).toString('base64') };
  return restoreHashedEmbedder({ version: HASHED_VERSION, dims, docCount, df: Object.fromEntries(df), ...(semantic ? { semantic } : {}) });
}

/** Per-term memo of the feature hash; bounded because a long-running bot embeds open-ended questions. */
const TERM_CACHE_LIMIT = 200_000;

/** Rebuild the embedder from the state saved with an index. */
export function restoreHashedEmbedder(state: HashedState): HashedEmbedder {
  // IDF of every counted term, computed once; an unseen term has df 0.
  const idf = new Map<string, number>();
  for (const term in state.df) idf.set(term, idfFor(state.docCount, state.df[term]!));
  const unseenIdf = idfFor(state.docCount, 0);
  const idfOf = (term: string): number => idf.get(term) ?? unseenIdf;
  const stateHash = createHash('sha256').update(JSON.stringify([state.version, state.dims, state.docCount]))
    .update(JSON.stringify(Object.entries(state.df).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .update(JSON.stringify(state.semantic ?? null))
    .digest('hex')
    .slice(0, 12);
  const semantic = state.semantic && semanticPart(state.semantic);
  const totalDims = state.dims + (semantic?.model.dims ?? 0);

  const hashes = new Map<string, number>();
  const hashOf = (term: string): number => {
    let h = hashes.get(term);
    if (h === undefined) {
      if (hashes.size >= TERM_CACHE_LIMIT) hashes.clear();
      hashes.set(term, (h = fnv1a(term)));
    }
    return h;
  };

  const embedTermsOne = (terms: readonly string[]): Float32Array => {
    const vector = new Float32Array(state.dims);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) addFeature(vector, hashOf(term), (1 + Math.log(tf)) * idfOf(term));
    // Each pair's left word is the last pair's right one: its hash and IDF are looked up once.
    let leftHash = terms.length > 0 ? hashOf(terms[0]!) : 0;
    let leftIdf = terms.length > 0 ? idfOf(terms[0]!) : 0;
    for (let i = 1; i < terms.length; i++) {
      const b = terms[i]!;
      const rightIdf = idfOf(b);
      // The hash of the pair "a b", continued from a's memoised hash instead of building the string.
      addFeature(vector, fnv1aContinue(fnv1aContinue(leftHash, ' '), b), BIGRAM_WEIGHT * Math.min(leftIdf, rightIdf));
      leftHash = hashOf(b);
      leftIdf = rightIdf;
    }
    normalise(vector);
    if (!semantic) return vector;
    // Two unit parts scaled so the cosine of two texts is (1 - w)·hashed + w·semantic.
    const meaning = countsVector(semantic.model, semantic.index, counts, (t, tf) => (1 + Math.log(tf)) * idfOf(t));
    const out = new Float32Array(totalDims);
    const hashedScale = Math.sqrt(1 - semantic.weight);
    const semanticScale = Math.sqrt(semantic.weight);
    for (let i = 0; i < state.dims; i++) out[i] = vector[i]! * hashedScale;
    for (let k = 0; k < semantic.model.dims; k++) out[state.dims + k] = meaning[k]! * semanticScale;
    return normalise(out);
  };

  return {
    name: 'hashed',
    dims: totalDims,
    fingerprint: `hashed:v${state.version}:${totalDims}:${stateHash}`,
    state,
    embed: async (texts) => texts.map((text) => embedTermsOne(analyzeTerms(text))),
    embedTerms: (termLists) => termLists.map(embedTermsOne),
  };
}

function semanticPart(saved: NonNullable<HashedState['semantic']>): { model: WordVectors; index: Map<string, number>; weight: number } {
  const bytes = Buffer.from(saved.vectors, 'base64');
  const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (vectors.length !== saved.words.length * saved.dims) throw new Error(`embedder word vectors hold ${vectors.length} values, expected ${saved.words.length} × ${saved.dims}`);
  return { model: { words: saved.words, dims: saved.dims, vectors }, index: new Map(saved.words.map((w, i) => [w, i])), weight: saved.weight };
}

function idfFor(docCount: number, df: number): number {
  return Math.log(1 + (docCount + 1) / (df + 0.5));
}

function addFeature(vector: Float32Array, h: number, weight: number): void {
  const bucket = (h >>> 1) % vector.length;
  vector[bucket] = vector[bucket]! + (h & 1 ? weight : -weight);
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a 32-bit: fast, stable across runs and platforms (the vectors are persisted). */
function fnv1a(s: string): number {
  return fnv1aContinue(FNV_OFFSET, s);
}

/** FNV-1a from state `h` over `s`: `fnv1aContinue(fnv1a(x), y) === fnv1a(x + y)`. */
function fnv1aContinue(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  if (sum === 0) return vector;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * inv;
  return vector;
}
