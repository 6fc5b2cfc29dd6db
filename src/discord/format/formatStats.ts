import type { ArchiveStats } from '../../qa/types.ts';

/** `/stats`: the archive's size, embedder and freshness. Pure. */
export function formatStats(stats: ArchiveStats): string {
  return [
    '**Archive statistics**',
    `Articles: ${stats.articles}`,
    `Chunks: ${stats.chunks}`,
    `Sentences: ${stats.sentences}`,
    `Embedder: ${stats.embedder} (${stats.dims} dimensions)`,
    `Index built: ${stats.builtAt}`,
    `Newest article: ${stats.newestArticleDate ?? 'undated'}`,
  ].join('\n');
}
