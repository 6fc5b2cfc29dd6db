import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../analyze/analyzeTerms.ts';
import { displayPath } from '../corpus/loadArticles.ts';
import type { Span } from '../corpus/types.ts';
import { BUILD_FILES, SEGMENTS_DIR } from './buildFiles.ts';
import { IndexError } from './errors.ts';
import { readCatalog, type CatalogEntry } from './catalog.ts';
import type { ArticleMeta, IndexStore, StoredChunk } from './indexStore.ts';
import { corrupt, readBuild, repairCommand } from './readBuild.ts';
import { ByteLru, LexicalSearcher, openSegment, type Segment } from './segments/index.ts';
import { readTombstones } from './tombstoneFile.ts';
import { DEFAULT_HNSW_OPTIONS, loadVectorIndex } from './vectorIndex.ts';

/** Articles whose metadata is kept decoded (emptied when full). */
const RECENT_METAS = 4096;
/** Bytes of decoded texts, sentences and posting lists kept in memory across all segments. */
const CACHE_BYTES = 64 * 2 ** 20;

/**
 * Open the live build of an index for questions. Reads the manifest, checks every listed
 * file's size (no hashing: `npm run verify-index` does that), opens the segments (their
 * headers, term dictionaries and small columns; texts and postings are read lazily through the
 * page cache), and loads the HNSW graph. Every failure is an IndexError naming the fix.
 * `expect` refuses an index built by another embedder than the one this run uses.
 */
export async function openStore(indexDir: string, expect?: { embedder?: string; dims?: number }): Promise<IndexStore> {
  const build = await readBuild(indexDir);
  if (!build) throw new IndexError('INDEX_MISSING', `no index in ${indexDir}: run \`npm run ingest\` to build it`);
  const { dir, manifest } = build;
  const corpus = displayPath(manifest.corpus.root);
  if (manifest.analyzer !== ANALYZER_VERSION) {
    throw new IndexError('INDEX_VERSION', `index in ${indexDir} was built with term analysis version ${manifest.analyzer}; this version reads text as version ${ANALYZER_VERSION}: ${repairCommand(indexDir, corpus)} rebuilds it`);
  }
  if (expect?.embedder && (manifest.embedder.name !== expect.embedder || (expect.dims !== undefined && manifest.embedder.dims !== expect.dims))) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `index in ${indexDir} was built with ${manifest.embedder.name} (${manifest.embedder.dims} dims); this run uses ${expect.embedder}: rebuild it with \`npm run ingest -- --embedder ${expect.embedder} --rebuild\`, or use the embedder it was built with`,
    );
  }
  const readJson = <T>(name: string): T => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
    } catch {
      throw corrupt(indexDir, `${name} cannot be read`, corpus);
    }
  };
  const cache = new ByteLru<string, unknown>(CACHE_BYTES);
  const segments: Segment[] = [];
  let vectors: IndexStore['vectors'] | undefined;
  try {
    for (const name of manifest.segments) segments.push(openSegment(join(indexDir, SEGMENTS_DIR, name), { cache }));
    const tombstones = readTombstones(readJson(BUILD_FILES.tombstones), manifest.segments);
    const live = tombstones.map((deleted, i) => (deleted ? (article: number) => !deleted.articles.has(article) : () => true) as (article: number) => boolean);
    const lexical = new LexicalSearcher(segments.map((segment, i) => ({ segment, deleted: tombstones[i] })));
    const liveLabels: number[] = [];
    segments.forEach((segment, s) => {
      const { label, article } = segment.columns;
      for (let unit = 0; unit < segment.chunkCount; unit++) if (live[s]!(article[unit]!)) liveLabels.push(label[unit]!);
    });
    try {
      vectors = loadVectorIndex(join(dir, BUILD_FILES.vectors), manifest.embedder.dims, liveLabels, { ...DEFAULT_HNSW_OPTIONS, ...manifest.hnsw });
    } catch (error) {
      throw corrupt(indexDir, `${BUILD_FILES.vectors} cannot be read (${(error as Error).message})`, corpus);
    }
    const duplicates = readJson<{ copies: Record<string, string[]> }>(BUILD_FILES.duplicates);
    const copyOf = new Map<string, string>();
    for (const [kept, copies] of Object.entries(duplicates.copies)) for (const id of copies) copyOf.set(id, kept);
    const acronyms = new Map(Object.entries(readJson<Record<string, string[]>>(BUILD_FILES.acronyms)));
    // Read when first asked for ("what's new?", /sources, /stats), not on every start.
    const readCatalogFile = () => {
      try {
        return readCatalog(readJson(BUILD_FILES.catalog));
      } catch (error) {
        throw error instanceof IndexError ? error : corrupt(indexDir, `${BUILD_FILES.catalog} cannot be read (${(error as Error).message})`, corpus);
      }
    };
    return segmentStore({ manifest, embedderState: readJson(BUILD_FILES.embedder), segments, live, lexical, vectors, acronyms, copies: duplicates.copies, copyOf, readCatalog: readCatalogFile });
  } catch (error) {
    for (const segment of segments) segment.close();
    vectors?.close();
    if (error instanceof IndexError) throw error;
    throw corrupt(indexDir, (error as Error).message.split('; ')[0]!, corpus);
  }
}

interface Parts {
  manifest: IndexStore['manifest'];
  embedderState: unknown;
  segments: Segment[];
  /** Per segment: is this local article live (not tombstoned)? */
  live: Array<(article: number) => boolean>;
  lexical: LexicalSearcher;
  vectors: IndexStore['vectors'];
  acronyms: IndexStore['acronyms'];
  copies: Record<string, string[]>;
  copyOf: Map<string, string>;
  readCatalog: () => CatalogEntry[];
}

function segmentStore(p: Parts): IndexStore {
  const { segments, live, copyOf } = p;
  const root = p.manifest.corpus.root;
  /** Where an article lives: the segment holding its live copy, and its index there. */
  const locate = (docId: string): { s: number; i: number } | undefined => {
    for (let s = segments.length - 1; s >= 0; s--) {
      const i = segments[s]!.articleIndexOf(docId);
      if (i !== undefined && live[s]!(i)) return { s, i };
    }
    return undefined;
  };
  // Citations name files as the user sees them: the stored path is relative to the corpus root.
  const shown = (meta: ArticleMeta): ArticleMeta => ({ ...meta, file: displayPath(join(root, meta.file)) });
  const metaAt = ({ s, i }: { s: number; i: number }): ArticleMeta => {
    const { hash: _hash, fingerprint: _fingerprint, ...meta } = segments[s]!.articleMeta(i);
    return shown(meta);
  };
  const unitOf = (label: number): { s: number; unit: number } | undefined => {
    for (let s = 0; s < segments.length; s++) {
      const unit = segments[s]!.localUnitOfLabel(label);
      if (unit !== undefined) return { s, unit };
    }
    return undefined;
  };
  const liveUnit = (label: number) => {
    const at = unitOf(label);
    if (!at) return undefined;
    const chunk = segments[at.s]!.chunk(at.unit);
    return live[at.s]!(chunk.articleIndex) ? { ...at, chunk } : undefined;
  };
  // Labels no answer may come from: deleted articles' chunks and the copies of a story. Few,
  // so a set; every retrieval filter asks it once per candidate.
  const dead = new Set<number>();
  segments.forEach((segment, s) => {
    for (let i = 0; i < segment.articleCount; i++) {
      if (live[s]!(i) && !copyOf.has(segment.articleMeta(i).id)) continue;
      const { from, to } = segment.chunkRangeOf(i);
      for (let unit = from; unit < to; unit++) dead.add(segment.columns.label[unit]!);
    }
  });
  // The graph skips them itself, so a vector search needs no filter for them (see isLive).
  for (const label of dead) p.vectors.remove(label);
  const recentMetas = new Map<string, ArticleMeta | undefined>();
  let catalog: readonly CatalogEntry[] | undefined;
  let count: number | undefined;
  return {
    manifest: p.manifest,
    embedderState: p.embedderState,
    vectors: p.vectors,
    lexical: p.lexical,
    acronyms: p.acronyms,
    get articleCount() {
      return (count ??= p.manifest.counts.articles - copyOf.size);
    },
    catalog: () => (catalog ??= p.readCatalog()),
    meta(docId) {
      // Asked for every retrieved chunk (dates, boosts, citations): kept for recent articles.
      let meta = recentMetas.get(docId);
      if (meta === undefined) {
        const at = locate(docId);
        meta = at && Object.freeze(metaAt(at));
        if (recentMetas.size >= RECENT_METAS) recentMetas.clear();
        recentMetas.set(docId, meta);
      }
      return meta;
    },
    text(docId) {
      const at = locate(docId);
      return at && segments[at.s]!.articleText(at.i);
    },
    sentences(docId): readonly Span[] {
      const at = locate(docId);
      return at ? segments[at.s]!.sentencesOf(at.i) : [];
    },
    chunk(label): StoredChunk | undefined {
      const at = liveUnit(label);
      if (!at) return undefined;
      const { chunk } = at;
      return { docId: segments[at.s]!.articleMeta(chunk.articleIndex).id, start: chunk.start, end: chunk.end, firstSentence: chunk.firstSentence, lastSentence: chunk.lastSentence, label };
    },
    isLive: (label) => !dead.has(label),
    copiesOf: (docId) => p.copies[docId] ?? [],
    close() {
      for (const segment of segments) segment.close();
      p.vectors.close();
    },
  };
}
