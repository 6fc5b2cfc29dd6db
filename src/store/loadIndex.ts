import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../analyze/analyzeTerms.ts';
import { IndexError } from './errors.ts';
import { CURRENT_FILE, INDEX_FILES, type IndexData, type IndexTables } from './indexData.ts';
import { LexicalIndex, type LexicalIndexData } from './lexicalIndex.ts';
import { INDEX_FORMAT_VERSION, manifestSchema, type Manifest } from './manifest.ts';
import { DEFAULT_HNSW_OPTIONS, loadVectorIndex } from './vectorIndex.ts';

const FIX = 'run `npm run ingest` to rebuild it';

/** The manifest of the live build, or undefined when there is no index yet. Cheap: no data files read. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  const buildDir = await liveBuildDir(indexDir);
  if (!buildDir) return undefined;
  return parseManifest(buildDir, indexDir);
}

/**
 * Load the live index. Every failure is an IndexError naming the folder and the fix:
 * missing, corrupt (unreadable JSON, a data file whose size or hash does not match the
 * manifest: checked before hnswlib sees the file, since hnswlib can abort on a bad one),
 * an older format or term analysis, or built by another embedder than `expect`.
 */
export async function loadIndex(indexDir: string, expect?: { embedder?: string; dims?: number }): Promise<IndexData> {
  const buildDir = await liveBuildDir(indexDir);
  if (!buildDir) throw new IndexError('INDEX_MISSING', `no index in ${indexDir}: ${FIX}`);
  const manifest = await parseManifest(buildDir, indexDir);

  if (expect?.embedder && (manifest.embedder.name !== expect.embedder || (expect.dims !== undefined && manifest.embedder.dims !== expect.dims))) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `index in ${indexDir} was built with ${manifest.embedder.name} (${manifest.embedder.dims} dims); this run uses ${expect.embedder}` +
        `${expect.dims !== undefined ? ` (${expect.dims} dims)` : ''}: ${FIX} (add \`-- --embedder ${expect.embedder}\`), or use the embedder it was built with`,
    );
  }

  // Questions are cut into terms the way this version cuts text; an index cut another way
  // would half-match ("U.S." was "u" before version 3). Builds from before the version was
  // recorded were version 1.
  const analyzer = manifest.analyzer ?? 1;
  if (analyzer !== ANALYZER_VERSION) {
    throw new IndexError('INDEX_VERSION', `index in ${indexDir} was built with term analysis version ${analyzer}; this version of Archivist reads text as version ${ANALYZER_VERSION}: ${FIX}`);
  }

  // Every data file, read at once and checked against the manifest before anything parses it
  // (sha256 runs at about 1 GB/s: a few percent of a load).
  const names = Object.values(INDEX_FILES).filter((name) => name !== INDEX_FILES.manifest);
  const read = await Promise.all(names.map((name) => readFile(join(buildDir, name)).catch(() => undefined)));
  const contents = new Map<string, Buffer>();
  names.forEach((name, i) => {
    const content = read[i];
    const expected = manifest.files[name];
    if (!content) throw corrupt(indexDir, `${name} is missing`);
    if (!expected) throw corrupt(indexDir, `${INDEX_FILES.manifest} does not list ${name}`);
    if (content.length !== expected.bytes || createHash('sha256').update(content).digest('hex') !== expected.sha256) {
      throw corrupt(indexDir, `${name} does not match its manifest (${content.length} bytes, expected ${expected.bytes})`);
    }
    contents.set(name, content);
  });

  const tables = parseJson<IndexTables>(contents, INDEX_FILES.tables, indexDir);
  const lexicalData = parseJson<LexicalIndexData>(contents, INDEX_FILES.lexical, indexDir);
  const embedderState = parseJson<unknown>(contents, INDEX_FILES.embedder, indexDir);
  if (
    !Array.isArray(tables.articles) || !Array.isArray(tables.chunks) || !Array.isArray(tables.sentences) ||
    tables.chunks.length !== manifest.counts.chunks || tables.articles.length !== manifest.counts.articles ||
    lexicalData.lengths?.length !== tables.chunks.length
  ) {
    throw corrupt(indexDir, 'tables and manifest disagree on counts');
  }
  let vectors;
  try {
    vectors = loadVectorIndex(
      join(buildDir, INDEX_FILES.vectors),
      manifest.embedder.dims,
      tables.chunks.map((c) => c.label),
      { ...DEFAULT_HNSW_OPTIONS, ...manifest.hnsw },
      contents.get(INDEX_FILES.vectors),
    );
  } catch (error) {
    throw corrupt(indexDir, `${INDEX_FILES.vectors} cannot be read (${(error as Error).message})`);
  }
  return { manifest, ...tables, vectors, lexical: new LexicalIndex(lexicalData), embedderState };
}

async function liveBuildDir(indexDir: string): Promise<string | undefined> {
  const pointer = await readFile(join(indexDir, CURRENT_FILE), 'utf8').catch(() => undefined);
  if (pointer === undefined) return undefined;
  const name = pointer.trim();
  if (!/^build-[\w-]+$/.test(name) || !existsSync(join(indexDir, name))) {
    throw corrupt(indexDir, `${CURRENT_FILE} points to a missing build (${JSON.stringify(name.slice(0, 60))})`);
  }
  return join(indexDir, name);
}

async function parseManifest(buildDir: string, indexDir: string): Promise<Manifest> {
  const text = await readFile(join(buildDir, INDEX_FILES.manifest), 'utf8').catch(() => undefined);
  if (text === undefined) throw corrupt(indexDir, `${INDEX_FILES.manifest} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(indexDir, `${INDEX_FILES.manifest} is not valid JSON`);
  }
  const version = (raw as { formatVersion?: unknown })?.formatVersion;
  if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION) {
    throw new IndexError('INDEX_VERSION', `index in ${indexDir} has format ${version}; this version of Archivist reads ${INDEX_FORMAT_VERSION}: ${FIX}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw corrupt(indexDir, `${INDEX_FILES.manifest} is malformed (${parsed.error.issues[0]?.path.join('.')})`);
  return parsed.data;
}

function parseJson<T>(contents: Map<string, Buffer>, name: string, indexDir: string): T {
  try {
    return JSON.parse(contents.get(name)?.toString('utf8') ?? '') as T;
  } catch {
    throw corrupt(indexDir, `${name} is not valid JSON`);
  }
}

function corrupt(indexDir: string, detail: string): IndexError {
  return new IndexError('INDEX_CORRUPT', `index in ${indexDir} is corrupt: ${detail}; ${FIX}`);
}
