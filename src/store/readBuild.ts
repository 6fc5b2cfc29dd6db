import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../corpus/loadArticles.ts';
import { BUILD_FILES, CURRENT_FILE } from './buildFiles.ts';
import { IndexError } from './errors.ts';
import { INDEX_FORMAT_VERSION, manifestSchema, type Manifest } from './manifest.ts';

/**
 * The command that repairs an index: ingest checks what it would reuse and rebuilds what is
 * corrupt. It names `--index` when the folder is not the default one and `--corpus` when the
 * corpus is known, so the advice works when pasted.
 */
export function repairCommand(indexDir: string, corpus?: string): string {
  const flags = [...(indexDir === 'index' ? [] : [`--index ${indexDir}`]), ...(corpus ? [`--corpus ${corpus}`] : [])];
  return flags.length ? `\`npm run ingest -- ${flags.join(' ')}\`` : '`npm run ingest`';
}

/** The live build folder's name, or undefined when there is no index yet. */
export async function liveBuildName(indexDir: string): Promise<string | undefined> {
  const pointer = await readFile(join(indexDir, CURRENT_FILE), 'utf8').catch(() => undefined);
  if (pointer === undefined) return undefined;
  const name = pointer.trim();
  if (!/^build-[\w-]+$/.test(name) || !existsSync(join(indexDir, name))) {
    throw corrupt(indexDir, `${CURRENT_FILE} points to a missing build (${JSON.stringify(name.slice(0, 60))})`);
  }
  return name;
}

/**
 * The live build's manifest, or undefined when there is no index. Cheap: one small JSON file,
 * plus a `stat` of each file it lists, so a truncated or missing file is found here, before
 * anything reads it (its hash is checked only by `npm run verify-index`).
 */
export async function readBuild(indexDir: string): Promise<{ name: string; dir: string; manifest: Manifest } | undefined> {
  const name = await liveBuildName(indexDir);
  if (!name) return undefined;
  const dir = join(indexDir, name);
  const text = await readFile(join(dir, BUILD_FILES.manifest), 'utf8').catch(() => undefined);
  if (text === undefined) throw corrupt(indexDir, `${BUILD_FILES.manifest} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(indexDir, `${BUILD_FILES.manifest} is not valid JSON`);
  }
  const version = (raw as { formatVersion?: unknown })?.formatVersion;
  if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION) {
    throw new IndexError('INDEX_VERSION', `index in ${indexDir} has format ${version}; this version of Archivist reads ${INDEX_FORMAT_VERSION}: run \`npm run ingest\` to rebuild it`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw corrupt(indexDir, `${BUILD_FILES.manifest} is malformed (${parsed.error.issues[0]?.path.join('.')})`);
  const manifest = parsed.data;
  for (const file of Object.values(BUILD_FILES)) {
    if (file !== BUILD_FILES.manifest && !manifest.files[file]) throw corrupt(indexDir, `${BUILD_FILES.manifest} does not list ${file}`, displayPath(manifest.corpus.root));
  }
  for (const [file, { bytes }] of Object.entries(manifest.files)) {
    const size = statSync(join(dir, file), { throwIfNoEntry: false })?.size;
    if (size === undefined) throw corrupt(indexDir, `${file} is missing`, displayPath(manifest.corpus.root));
    if (size !== bytes) throw corrupt(indexDir, `${file} has ${size} bytes, the manifest says ${bytes} (truncated or overwritten)`, displayPath(manifest.corpus.root));
  }
  return { name, dir, manifest };
}

export function corrupt(indexDir: string, detail: string, corpus?: string): IndexError {
  return new IndexError('INDEX_CORRUPT', `index in ${indexDir} is corrupt: ${detail}; ${repairCommand(indexDir, corpus)} repairs it`);
}
