import type { Config } from '../../config.ts';
import { verifyIndex } from '../../store/verifyIndex.ts';

/** `npm run verify-index`: every byte of the index against its checksums (loading checks sizes only). */
export async function verifyIndexCommand(config: Config, flags: { index?: string }): Promise<number> {
  const indexDir = flags.index ?? config.INDEX_DIR;
  const started = performance.now();
  const { files, bytes, segments } = await verifyIndex(indexDir);
  console.log(`${indexDir} is sound: ${files} files in ${segments} segment(s) and the build, ${(bytes / 2 ** 20).toFixed(1)} MiB checked in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  return 0;
}
