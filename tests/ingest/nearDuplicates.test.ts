import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distance, findCopies, fingerprint, MAX_DISTANCE } from '../../src/ingest/nearDuplicates.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { alsoIn } from '../../src/qa/answer/cite.ts';
import { openArchive } from '../../src/qa/openArchive.ts';
import { makeTempDir, removeTempDirs, SEEDS_DIR } from './seedCorpus.ts';

afterAll(removeTempDirs);

const story = Array.from({ length: 12 }, (_, i) => `Sentence ${i} of the wire story says the harbour of Varna reopened after storm repairs on the eastern pier.`).join(' ');

describe('fingerprint (SimHash)', () => {
  it('gives the same text the same fingerprint, a lightly edited copy a near one, another story a far one', () => {
    const a = fingerprint(story)!;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(story)).toBe(a);
    const edited = fingerprint(`VARNA (Reuters) - ${story} Reporting by a correspondent.`)!;
    expect(distance(a, edited)).toBeLessThanOrEqual(MAX_DISTANCE);
    const other = fingerprint(Array.from({ length: 12 }, (_, i) => `Line ${i}: the cricket final in Mumbai was washed out by monsoon rain before lunch.`).join(' '))!;
    expect(distance(a, other)).toBeGreaterThan(10);
  });

  it('gives a short note no fingerprint (short texts collide by chance)', () => {
    expect(fingerprint('Port closed. More later.')).toBeUndefined();
  });
});

describe('findCopies', () => {
  it('keeps the earliest report of each story and lists the others as its copies', () => {
    const a = fingerprint(story)!;
    const copies = findCopies([
      { id: 'late', date: '2024-03-02', fingerprint: a },
      { id: 'first', date: '2024-03-01', fingerprint: a },
      { id: 'undated', date: null, fingerprint: a },
      { id: 'other', date: '2024-03-01', fingerprint: fingerprint(story.replace(/harbour of Varna/g, 'cricket ground in Mumbai').replace(/storm repairs on the eastern pier/g, 'monsoon rain washed the final out'))! },
      { id: 'short', date: '2024-03-01' },
    ]);
    expect(copies).toEqual(new Map([['first', ['late', 'undated']]]));
  });
});

describe('wire copies in an archive', () => {
  it('count once: 20 copies of each seed article neither drown the ranking nor push a clear answer into abstention', async () => {
    const corpus = await makeTempDir('wire');
    const outlets = Array.from({ length: 20 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`);
    for (const name of await readdir(SEEDS_DIR)) {
      const text = await readFile(join(SEEDS_DIR, name), 'utf8');
      for (const [i, outlet] of outlets.entries()) await writeFile(join(corpus, `${name.replace('.txt', '')}-${i}.md`), `---\nsource: ${outlet}\n---\n${text}`);
    }
    const single = await makeTempDir('single');
    for (const name of await readdir(SEEDS_DIR)) await writeFile(join(single, name), await readFile(join(SEEDS_DIR, name), 'utf8'));

    const summary = await ingest({ corpus, indexDir: await makeTempDir('wire-index'), embedder: 'hashed' });
    expect(summary).toMatchObject({ articles: 100, copies: 95 });
    const [copied, plain] = await Promise.all([
      openArchive({ indexDir: await makeTempDir('wire-index-2'), corpusDir: corpus, embedder: 'hashed' }),
      openArchive({ indexDir: await makeTempDir('single-index'), corpusDir: single, embedder: 'hashed' }),
    ]);
    try {
      expect(copied.stats().articles).toBe(5);
      for (const question of ['When did Jaishankar meet Lavrov in Moscow?', 'Where did Jaishankar meet Lavrov in May 2023?']) {
        const [withCopies, without] = await Promise.all([copied.ask(question), plain.ask(question)]);
        expect(withCopies.kind, question).toBe(without.kind);
        // The copies still weigh in BM25's statistics and the fitted IDF, a little.
        expect(Math.abs(withCopies.confidence - without.confidence), question).toBeLessThan(0.05);
        // The same sentence answers; a second one is quoted when its score is within a fixed
        // ratio of the first's, and the copies' small shift in BM25 may carry a second that sits
        // on that line across it, so the quote with copies is the first sentence, or both.
        const quoted = withCopies.sentences.map((s) => s.text);
        expect(quoted[0]).toBe(without.sentences[0]?.text);
        expect(without.sentences.map((s) => s.text)).toEqual(expect.arrayContaining(quoted));
        // One copy is retrieved and cited; the other 19 are its copies.
        expect(new Set(withCopies.retrieved.map((r) => r.docId.replace(/-\d+$/, ''))).size).toBe(withCopies.retrieved.length);
        expect(copied.index.copiesOf(withCopies.sources[0]!.docId)).toHaveLength(19);
      }
      // The graph holds no copy either: a vector search with no filter returns live chunks only.
      const [vector] = await copied.index.embedder.embed(['Jaishankar Lavrov Moscow talks']);
      const hits = copied.index.vectors.search(vector!, 200);
      expect(hits).toHaveLength(copied.index.vectors.size);
      expect(hits.every((h) => copied.index.isLive(h.label))).toBe(true);
      // A citation says where else the story ran (article 000 names no outlet of its own, so
      // each copy's front matter gives it one).
      expect(alsoIn(copied.index, '000_f369db645636c1c7-0').sort()).toEqual(outlets.slice(1).sort());
    } finally {
      copied.close();
      plain.close();
    }
  });
});

describe('alsoIn', () => {
  /** An index stand-in with just the two lookups alsoIn reads. */
  const indexOf = (metas: Record<string, { outlet: string | null; title: string }>, copies: string[]) =>
    ({ meta: (id: string) => metas[id], copiesOf: () => copies }) as unknown as Parameters<typeof alsoIn>[0];

  it('names each other outlet once and counts the copies that name nothing new', () => {
    const index = indexOf(
      {
        a: { outlet: 'PTI', title: 'Ministers meet' },
        b: { outlet: 'Reuters', title: 'Ministers meet' },
        c: { outlet: 'Reuters', title: 'Ministers meet' },
        d: { outlet: null, title: 'Ministers meet' },
        e: { outlet: 'PTI', title: 'Ministers meet' },
      },
      ['b', 'c', 'd', 'e'],
    );
    expect(alsoIn(index, 'a')).toEqual(['Reuters', '2 other copies']);
  });

  it('never repeats the cited headline when the copies have no outlet', () => {
    const index = indexOf({ a: { outlet: null, title: 'Talks in Moscow' }, b: { outlet: null, title: 'Talks in Moscow' } }, ['b']);
    expect(alsoIn(index, 'a')).toEqual(['1 other copy']);
  });
});
