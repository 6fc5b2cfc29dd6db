import { describe, expect, it } from 'vitest';
import { archiveNearMisses } from '../../src/learn/archiveNearMisses.ts';
import type { EvalQuestion } from '../../src/eval/questions.ts';

const articles = [
  { id: 'a', title: 'Harbour reopens', text: 'The harbour of Varna reopened in 2019 after the storm.' },
  { id: 'b', title: 'Port plans', text: 'The old quay was built in 2017.' },
];
const archive = {
  getArticle: (id: string) => articles.find((a) => a.id === id) as never,
  listArticles: () => articles.map((a) => ({ id: a.id })) as never,
};
const q = (id: string, question: string, sources: string[], answerable = true): EvalQuestion => ({ id, question, answers: answerable ? ['x'] : [], sources, answerable });

describe('archiveNearMisses', () => {
  it('moves the pinned year of each answerable question with sources to one no article of the archive names', () => {
    const made = archiveNearMisses(archive, [
      q('q1', 'When did the harbour of Varna reopen in 2019?', ['a']),
      q('q2', 'What was built in 2019?', [], true),
      q('q3', 'What reopened in 2019?', [], false),
    ]);
    // Two years back, 2017, is named by another article: two years on is the one moved to.
    expect(made).toEqual([{ id: 'q1~year', kind: 'year', question: 'When did the harbour of Varna reopen in 2021?', change: '2019 → 2021' }]);
  });
});
