import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { citeSentences } from '../../src/qa/answer/cite.ts';
import { candidateSentences, type CandidateSentence } from '../../src/qa/extract/candidates.ts';
import type { LoadedIndex } from '../../src/store/loadedIndex.ts';
import { retrieveChunks } from '../../src/qa/retrieve/retrieveChunks.ts';
import type { Answer } from '../../src/qa/types.ts';
import { countTerms } from '../../src/analyze/analyzeTerms.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

/**
 * A town's news: every article names the same mayor of the same town (common names, low IDF);
 * two of them state the same fact about the bridge toll in different words.
 */
const town = () =>
  buildIndex([
    {
      id: 'toll-a',
      title: 'Bridge toll',
      date: '2024-02-01',
      outlet: 'Alder Gazette',
      text: 'Mayor Dana Whitfield of Port Alder told reporters at City Hall that the Harbor Bridge toll will rise to twelve dollars in March. The council approved the plan on Monday.',
    },
    {
      id: 'toll-b',
      title: 'Commuters react',
      date: '2024-02-02',
      text: 'Commuters complained loudly at the ferry terminal. The Harbor Bridge toll will rise to twelve dollars in March, Mayor Dana Whitfield of Port Alder told reporters at City Hall.',
    },
    {
      id: 'library',
      title: 'Library news',
      date: '2024-02-03',
      text: 'Mayor Dana Whitfield of Port Alder told reporters at City Hall that the library will open a quiet reading room. Volunteers painted the walls green.',
    },
    { id: 'parade', title: 'Parade', date: '2024-02-04', text: 'Mayor Dana Whitfield of Port Alder told reporters at City Hall that the spring parade will close Main Street for a day.' },
    { id: 'budget', title: 'Budget', date: '2024-02-05', text: 'Mayor Dana Whitfield of Port Alder told reporters at City Hall that the budget would be published in April.' },
  ]);

/** Every `[n]` in the answer text. */
const markers = (answer: Answer) => [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

function expectWellCited(answer: Answer): void {
  expect(answer.kind).toBe('answer');
  // Numbered 1..n, one source per article.
  expect(answer.sources.map((s) => s.n)).toEqual(answer.sources.map((_, i) => i + 1));
  expect(new Set(answer.sources.map((s) => s.docId)).size).toBe(answer.sources.length);
  // Every marker names a listed source, and every listed source is cited.
  const cited = markers(answer);
  for (const n of cited) expect(answer.sources.some((s) => s.n === n), `[${n}] has a source`).toBe(true);
  expect(new Set(cited)).toEqual(new Set(answer.sources.map((s) => s.n)));
  // Sources in order of first citation.
  const firstSeen = [...new Set(cited)];
  expect(firstSeen).toEqual(answer.sources.map((s) => s.n));
  for (const s of answer.sentences) {
    expect(s.citations[0]).toBe(s.citation);
    expect(answer.sources.find((src) => src.n === s.citation)!.docId).toBe(s.docId);
  }
}

/** The candidate sentences of the best chunks, best retrieved first. */
function scoredFor(index: LoadedIndex, question: string): CandidateSentence[] {
  const terms = countTerms(analyzeTerms(question));
  const chunks = retrieveChunks(index, terms, new Float32Array(index.embedder.dims));
  return candidateSentences(index, chunks).sort((a, b) => b.context - a.context);
}

describe('citeSentences', () => {
  it('numbers sources in order of first citation and marks each sentence', () => {
    const index = town();
    const candidates = scoredFor(index, 'What did Mayor Dana Whitfield say about the library reading room and the Harbor Bridge toll?');
    const library = candidates.find((s) => s.sentence.docId === 'library' && s.text.includes('reading room'))!;
    const toll = candidates.find((s) => s.sentence.docId === 'toll-a' && s.text.includes('twelve dollars'))!;
    expect(library).toBeDefined();
    expect(toll).toBeDefined();

    const cited = citeSentences(index, [library, toll], candidates);
    expect(cited.sources.map((s) => [s.n, s.docId])).toEqual([
      [1, 'library'],
      [2, 'toll-a'],
      [3, 'toll-b'],
    ]);
    expect(cited.sentences.map((s) => s.citations)).toEqual([[1], [2, 3]]);
    expect(cited.answer).toBe(`${library.text} [1] ${toll.text} [2][3]`);
    // A source carries its article's metadata.
    expect(cited.sources[1]).toMatchObject({ docId: 'toll-a', title: 'Bridge toll', date: '2024-02-01', outlet: 'Alder Gazette', file: 'toll-a.txt' });

    // The other order numbers them the other way round.
    const reversed = citeSentences(index, [toll, library], candidates);
    expect(reversed.sources.map((s) => s.docId)).toEqual(['toll-a', 'toll-b', 'library']);
    expect(reversed.sentences.map((s) => s.citations)).toEqual([[1, 2], [3]]);
  });

  it('gives one number to an article quoted twice', () => {
    const index = town();
    const candidates = scoredFor(index, 'What did the council approve about the Harbor Bridge toll?');
    const a = candidates.filter((s) => s.sentence.docId === 'toll-a');
    expect(a.length).toBe(2);
    const cited = citeSentences(index, a, []);
    expect(cited.sources.map((s) => s.docId)).toEqual(['toll-a']);
    expect(cited.sentences.map((s) => s.citation)).toEqual([1, 1]);
  });

  it('corroborates only with candidates that state the fact', () => {
    const index = town();
    const candidates = scoredFor(index, 'What did Mayor Dana Whitfield of Port Alder say about the library?');
    const library = candidates.find((s) => s.sentence.docId === 'library' && s.text.includes('reading room'))!;
    // Every other article repeats "Mayor Dana Whitfield of Port Alder told reporters at City
    // Hall": most of the quoted sentence's words, but common ones.
    expect(candidates.some((s) => s.sentence.docId !== 'library' && s.text.includes('Mayor Dana Whitfield of Port Alder told reporters at City Hall'))).toBe(true);
    const cited = citeSentences(index, [library], candidates);
    expect(cited.sentences[0]!.citations).toEqual([1]);
    expect(cited.sources.map((s) => s.docId)).toEqual(['library']);
  });
});

describe('ask(): citations', () => {
  it('cites a fact stated in two articles as [1][2]', async () => {
    const answer = await asker(town(), { abstainBelow: 0 })('What will the Harbor Bridge toll rise to in March?');
    expectWellCited(answer);
    const first = answer.sentences[0]!;
    expect(first.text).toContain('twelve dollars');
    expect(first.citations).toEqual([1, 2]);
    expect(new Set(answer.sources.slice(0, 2).map((s) => s.docId))).toEqual(new Set(['toll-a', 'toll-b']));
    expect(answer.answer).toContain(`${first.text} [1][2]`);
  });

  it('does not corroborate a sentence with articles that share only its common names', async () => {
    const answer = await asker(town(), { abstainBelow: 0 })('What did Mayor Dana Whitfield of Port Alder tell reporters at City Hall about the library?');
    expectWellCited(answer);
    const first = answer.sentences[0]!;
    expect(first.docId).toBe('library');
    expect(first.citations).toEqual([1]);
    for (const s of answer.sentences) {
      for (const n of s.citations) {
        const docId = answer.sources.find((src) => src.n === n)!.docId;
        if (s.text.includes('library')) expect(docId).toBe('library');
      }
    }
  });

  it('keeps every marker pointing at a listed source, whatever is asked', async () => {
    const ask = asker(town(), { abstainBelow: 0 });
    for (const q of ['When will the spring parade close Main Street?', 'When will the budget be published?', 'Who painted the library walls?']) {
      const answer = await ask(q);
      expectWellCited(answer);
    }
  });
});
