import { describeCorrections } from '../qa/question/correctSpelling.ts';
import type { Answer, SearchResult, Source } from '../qa/types.ts';
import type { IngestSummary } from '../ingest/ingest.ts';

/** Pure formatters: data → the text a terminal shows. */

export function formatSource(s: Source): string {
  const line = [s.title, s.outlet, s.date ?? 'undated', s.url ?? s.file].filter(Boolean).join(' — ');
  return s.alsoIn?.length ? `${line} (also in: ${s.alsoIn.join(', ')})` : line;
}

export function formatAnswer(answer: Answer): string {
  if (answer.kind === 'latest') return [answer.answer, ...answer.sources.map((s) => `  ${s.n}. ${formatSource(s)}`)].join('\n');
  const lines = [answer.answer];
  if (answer.sources.length > 0) {
    lines.push('', answer.abstained ? 'Closest articles:' : 'Sources:');
    for (const s of answer.sources) lines.push(`  [${s.n}] ${formatSource(s)}`);
  }
  if (answer.kind === 'answer' || answer.kind === 'abstain') {
    lines.push('', `confidence ${answer.confidence.toFixed(2)} · ${answer.timingsMs.total.toFixed(1)} ms`);
  }
  return lines.join('\n');
}

export function formatSearchResult({ passages, readAs }: SearchResult): string {
  const note = describeCorrections(readAs);
  const found =
    passages.length === 0 ? 'No passages match.' : passages.map((p, i) => `${i + 1}. (${p.score.toFixed(3)}) ${formatSource(p.source)}\n   ${p.text.replace(/\s+/g, ' ')}`).join('\n\n');
  return note ? `${note}\n\n${found}` : found;
}

export function formatIngestSummary(s: IngestSummary): string {
  const lines = [
    s.upToDate
      ? `Index up to date: ${s.articles} articles, ${s.chunks} chunks, ${s.sentences} sentences (nothing to embed).`
      : `Indexed ${s.articles} articles: ${s.chunks} chunks, ${s.sentences} sentences; embedded ${s.embeddedArticles} articles (${s.embeddedChunks} chunks), removed ${s.removedArticles}.`,
    `Embedder: ${s.embedder} (${s.dims} dims). Time: ${s.seconds.toFixed(2)} s.`,
  ];
  if (s.skipped.length > 0) {
    lines.push(`Skipped ${s.skipped.length} file(s):`);
    for (const f of s.skipped) lines.push(`  ${f.file}: ${f.reason}`);
  }
  return lines.join('\n');
}
