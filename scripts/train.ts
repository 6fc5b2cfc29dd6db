/**
 * `npm run train`: refit the sentence ranker (src/qa/extract/ranker.json) and the abstention
 * model (src/qa/answer/abstention.json) from the training sets below, and print the weights.
 * Reproducible: the same sets and code give the same files byte for byte (Newton fits, no
 * randomness, sets and questions in a fixed order). Indexes are built once into .cache/train.
 *
 *   npm run train [-- --dry-run] [--shared ../shared]
 *
 * Training sets (never the sets docs/quality.md reports as held out):
 * - squad-dev: SQuAD v1.1 dev, articles 0–23 (shared/benchmarks): both models.
 * - squad2-train: SQuAD 2.0 dev on 17 of those articles, half unanswerable: abstention, at half weight.
 * - news-read: the read half of our real-news set (tests/fixtures/news-dev/read-questions.jsonl,
 *   over all 50 articles), plus near misses made from it (src/learn/nearMisses.ts): both.
 * - seeds-train: tests/fixtures/train-questions.jsonl over the five seed articles: both.
 * - news-read2: our second read real-news set (tests/fixtures/news-read2, 40 articles): the
 *   ranker's second stage only (ordering the answering article's sentences), so the article's
 *   choice and the confidence come out as without it.
 * SciFact's claims name no answer sentence: they chose the retrieval settings instead (docs/quality.md).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readQuestions, type EvalQuestion } from '../src/eval/questions.ts';
import { archiveNearMisses } from '../src/learn/archiveNearMisses.ts';
import { trainModels, type TrainingSet } from '../src/learn/trainModels.ts';
import type { AnswerSettings } from '../src/qa/answer/answerQuestion.ts';
import { openArchive, type OpenedArchive } from '../src/qa/openArchive.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, shared: { type: 'string' } }, strict: true });
const shared = resolve(values.shared ?? '../shared');
const root = resolve(import.meta.dirname, '..');
const settings: AnswerSettings = {};

function open(name: string, corpus: string): Promise<OpenedArchive> {
  return openArchive({ indexDir: join(root, '.cache/train', name), corpusDir: corpus, embedder: 'hashed', settings, log: (line) => console.error(`${name}: ${line}`) });
}

/** The read news questions, plus a near miss of each that pins a year, period or edition (same topic, another time). */
function withNearMisses(questions: EvalQuestion[], archive: OpenedArchive): EvalQuestion[] {
  const made = archiveNearMisses(archive, questions);
  return [...questions, ...made.map((m) => ({ id: m.id, question: m.question, answers: [], sources: [], answerable: false }))];
}

const squad = await open('squad-dev', join(shared, 'benchmarks/squad-dev/corpus'));
const squad2 = await open('squad2-train', join(shared, 'benchmarks/squad2-train/corpus'));
const news = await open('news-read', join(root, 'tests/fixtures/news-dev/corpus'));
const seeds = await open('seeds-train', join(root, 'seeds'));
const read2 = await open('news-read2', join(root, 'tests/fixtures/news-read2/corpus'));
const sets: TrainingSet[] = [
  { name: 'squad-dev', archive: squad, questions: await readQuestions(join(shared, 'benchmarks/squad-dev/questions.jsonl')), ranker: true, abstention: true },
  // Half weight: its unanswerable questions are crowd-written edits inside the right paragraph
  // (negations, swapped entities), unlike the near misses a news archive meets, and it is the
  // second Wikipedia set beside squad-dev (docs/quality.md, "Sets weighed, and undated articles' years").
  { name: 'squad2-train', archive: squad2, questions: await readQuestions(join(shared, 'benchmarks/squad2-train/questions.jsonl')), ranker: false, abstention: true, abstentionWeight: 0.5 },
  { name: 'news-read', archive: news, questions: withNearMisses(await readQuestions(join(root, 'tests/fixtures/news-dev/read-questions.jsonl')), news), ranker: true, abstention: true },
  { name: 'seeds-train', archive: seeds, questions: await readQuestions(join(root, 'tests/fixtures/train-questions.jsonl')), ranker: true, abstention: true },
  { name: 'news-read2', archive: read2, questions: await readQuestions(join(root, 'tests/fixtures/news-read2/questions.jsonl')), ranker: false, withinArticleOnly: true, abstention: false },
];

const { ranker, abstention } = await trainModels(sets, settings, { log: (line) => console.error(line) });
console.log('ranker weights:');
ranker.features.forEach((f, i) => console.log(`  ${f.padEnd(22)} ${ranker.weights[i]!.toFixed(3)}`));
console.log(`  a second sentence when p2/p1 >= ${ranker.secondRatio}`);
console.log('abstention weights:');
abstention.features.forEach((f, i) => console.log(`  ${f.padEnd(22)} ${abstention.weights[i]!.toFixed(3)}`));
console.log(`  intercept ${abstention.intercept.toFixed(3)}; abstain below ${abstention.threshold}`);
if (!values['dry-run']) {
  await writeFile(join(root, 'src/qa/extract/ranker.json'), `${JSON.stringify(ranker, null, 2)}\n`);
  await writeFile(join(root, 'src/qa/answer/abstention.json'), `${JSON.stringify(abstention, null, 2)}\n`);
  console.log('wrote src/qa/extract/ranker.json and src/qa/answer/abstention.json');
}
process.exit(0);
