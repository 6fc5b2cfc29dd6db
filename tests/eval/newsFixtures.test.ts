import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../src/eval/questions.ts';

/**
 * The real-news sets are judged by answer strings found in the quoted sentences: a string
 * that is not in its article verbatim could never be hit, and would count against every
 * version of the code alike.
 */
const fixtures = join(import.meta.dirname, '../fixtures');
const sets = [
  { questions: 'news-dev/read-questions.jsonl', corpus: 'news-dev/corpus' },
  { questions: 'news-dev/unread-questions.jsonl', corpus: 'news-dev/corpus' },
  { questions: 'news-fresh/questions.jsonl', corpus: 'news-fresh/corpus' },
  { questions: 'news-fresh2/questions.jsonl', corpus: 'news-fresh2/corpus' },
  { questions: 'news-read2/questions.jsonl', corpus: 'news-read2/corpus' },
  { questions: 'news-fresh3/questions.jsonl', corpus: 'news-fresh3/corpus' },
  { questions: 'news-fresh4/questions.jsonl', corpus: 'news-fresh4/corpus' },
];

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

function articles(corpus: string): Map<string, string> {
  const dir = join(fixtures, corpus);
  return new Map(readdirSync(dir).map((file) => [file.replace(/\.md$/, ''), fold(readFileSync(join(dir, file), 'utf8').split(/^---$/m).slice(2).join('---'))]));
}

describe.each(sets)('$questions', ({ questions, corpus }) => {
  it('has unique ids; every answer string stands verbatim in an article it names; unanswerable questions name none', async () => {
    const texts = articles(corpus);
    const qs = await readQuestions(join(fixtures, questions));
    expect(qs.length).toBeGreaterThan(0);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    for (const q of qs) {
      if (!q.answerable) {
        expect({ id: q.id, answers: q.answers, sources: q.sources }).toEqual({ id: q.id, answers: [], sources: [] });
        continue;
      }
      expect(q.sources.length, q.id).toBeGreaterThan(0);
      for (const source of q.sources) expect(texts.has(source), `${q.id}: ${source}`).toBe(true);
      for (const answer of q.answers) expect(q.sources.some((s) => texts.get(s)!.includes(fold(answer))), `${q.id}: "${answer}"`).toBe(true);
    }
  });
});
