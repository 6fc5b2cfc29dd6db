import { createWriteStream } from 'node:fs';
import type { Config } from '../../config.ts';
import { abstentionCurve, computeMetrics, formatCurve, formatMetrics, formatNearMisses, type NearMissResult } from '../../eval/metrics.ts';
import { readQuestions } from '../../eval/questions.ts';
import { archiveNearMisses } from '../../learn/archiveNearMisses.ts';
import type { Answer } from '../../qa/types.ts';
import { openForCli } from '../openForCli.ts';
import { UsageError } from '../usageError.ts';

/** Thresholds `--curve` reports. */
const CURVE_THRESHOLDS = [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7];

/**
 * Ask every question with the index loaded once; write one result per line (`ask --json`
 * plus `id`), print the metrics. Questions sharing a `conversation` are asked in order with
 * memory, so follow-up pairs are measured as users experience them. `--curve` answers every
 * question (no abstention) and prints what each confidence threshold would give instead.
 * `--near-misses` also asks each answerable question with its year, month, period or edition moved to
 * one its article does not report (src/learn/nearMisses.ts) and prints how many were declined.
 */
export async function evalCommand(
  config: Config,
  flags: { questions?: string; index?: string; corpus?: string; out?: string; limit?: string; curve?: boolean; 'near-misses'?: boolean },
): Promise<number> {
  if (!flags.questions) throw new UsageError('--questions <file.jsonl> is required: npm run eval -- --questions tests/fixtures/dev-questions.jsonl');
  if (flags.curve && flags['near-misses']) throw new UsageError('--near-misses counts abstentions at the shipped threshold, --curve answers everything: run them one at a time');
  let questions = await readQuestions(flags.questions);
  if (flags.limit) questions = questions.slice(0, Number(flags.limit));
  const archive = await openForCli(flags.curve ? { ...config, ABSTAIN_BELOW: 0 } : config, flags);
  // Warm-up: the first question pays for JIT and lazy loading; latency is measured warm.
  await archive.ask('warm up the index');
  const out = flags.out ? createWriteStream(flags.out) : undefined;
  const pairs: Array<{ question: (typeof questions)[number]; result: Answer }> = [];
  for (const q of questions) {
    const result = await archive.ask(q.question, { conversationId: q.conversation ? `eval:${q.conversation}` : undefined, since: q.since, until: q.until });
    pairs.push({ question: q, result });
    out?.write(`${JSON.stringify({ id: q.id, ...result })}\n`);
  }
  const missed: NearMissResult[] = [];
  if (flags['near-misses']) {
    for (const miss of archiveNearMisses(archive, questions)) {
      const result = await archive.ask(miss.question);
      missed.push({ kind: miss.kind, abstained: result.abstained });
      out?.write(`${JSON.stringify({ id: miss.id, change: miss.change, ...result })}\n`);
    }
  }
  await new Promise<void>((resolve) => (out ? out.end(resolve) : resolve()));
  console.log(flags.curve ? formatCurve(abstentionCurve(pairs, CURVE_THRESHOLDS)) : formatMetrics(computeMetrics(pairs)));
  if (flags['near-misses']) console.log(formatNearMisses(missed));
  return 0;
}
