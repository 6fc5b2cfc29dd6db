import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import type { EmbedderLoaders } from '../../src/embed/chooseEmbedder.ts';
import type { Embedder } from '../../src/embed/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { watchCorpus } from '../../src/ingest/watchCorpus.ts';
import { openArchive } from '../../src/qa/openArchive.ts';
import { copySeeds, makeTempDir, removeTempDirs } from '../ingest/seedCorpus.ts';

afterEach(removeTempDirs);

const ZANZIBAR = 'Zanzibar ferry schedule revised\n\nThe port authority of Zanzibar published a revised ferry schedule on Monday. Boats to Pemba will leave twice a day from next month.\n';

/** An embedder whose question embeddings wait until released: a question held "in flight". */
function gatedLoaders() {
  let gate: (() => void) | undefined;
  let held = false;
  const loaders: EmbedderLoaders = {
    loadMiniLM: async () => {
      const embedder: Embedder = {
        name: 'minilm',
        dims: 16,
        fingerprint: 'test:gated',
        embed: async (texts) => {
          // Only questions wait (an ingest's chunks pass).
          if (held && texts[0]?.startsWith('Where did')) await new Promise<void>((resolve) => (gate = resolve));
          return texts.map((text) => {
            const v = new Float32Array(16);
            for (const t of analyzeTerms(text)) v[t.length % 16]! += 1;
            const norm = Math.hypot(...v) || 1;
            return v.map((x) => x / norm);
          });
        },
      };
      return embedder;
    },
  };
  return {
    loaders,
    hold: () => (held = true),
    release: () => {
      held = false;
      gate?.();
    },
  };
}

/** Wait (without asserting any duration) until `ready` holds, polling. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !ready(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('a new index build swapped in without a restart', () => {
  it('finishes a question in flight on the old build, then answers from the new one', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    const gated = gatedLoaders();
    await ingest({ corpus, indexDir, embedder: 'minilm', loaders: gated.loaders });
    const archive = await openArchive({ indexDir, loaders: gated.loaders, settings: { abstainBelow: 0 } });
    try {
      const builtBefore = archive.stats().builtAt;
      gated.hold();
      const inFlight = archive.ask('Where did Jaishankar meet Lavrov in May 2023?');
      await writeFile(join(corpus, '005_zanzibar.txt'), ZANZIBAR);
      await ingest({ corpus, indexDir, embedder: 'minilm', loaders: gated.loaders });
      expect(await archive.reload()).toBe(true);
      gated.release();
      const answer = await inFlight;
      expect(answer.kind).toBe('answer');
      expect(answer.sentences[0]!.text).toContain('Goa');
      expect(archive.stats().builtAt).not.toBe(builtBefore);
      expect(archive.stats().articles).toBe(6);
      expect((await archive.ask('When will boats leave for Pemba?')).sources[0]?.docId).toBe('005_zanzibar');
      expect(await archive.reload()).toBe(false);
    } finally {
      archive.close();
    }
  });

  it('notices a build made by another ingest on its own, and keeps answering meanwhile', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const reloaded: string[] = [];
    const archive = await openArchive({ indexDir, watchIndexMs: 20, onReload: (stats) => reloaded.push(stats.builtAt) });
    try {
      await writeFile(join(corpus, '005_zanzibar.txt'), ZANZIBAR);
      const asking = (async () => {
        for (let i = 0; i < 20; i++) expect((await archive.ask('Where did Jaishankar meet Lavrov in May 2023?')).kind).toBe('answer');
      })();
      await ingest({ corpus, indexDir, embedder: 'hashed' });
      await until(() => reloaded.length > 0);
      await asking;
      expect(reloaded).toHaveLength(1);
      expect(archive.stats().articles).toBe(6);
    } finally {
      archive.close();
    }
  });
});

describe('watchCorpus', () => {
  it('re-ingests when a file is added to the corpus', async () => {
    const corpus = await copySeeds();
    const indexDir = await makeTempDir('index');
    await ingest({ corpus, indexDir, embedder: 'hashed' });
    const ingested: number[] = [];
    const stop = await watchCorpus({ corpus, indexDir, embedder: 'hashed', debounceMs: 50, onIngested: (s) => ingested.push(s.articles) });
    try {
      await writeFile(join(corpus, '005_zanzibar.txt'), ZANZIBAR);
      await until(() => ingested.length > 0);
      expect(ingested[0]).toBe(6);
    } finally {
      stop();
    }
  });
});

describe('an index of another corpus', () => {
  it('is kept, with a notice naming both corpora, when the corpus was not chosen; rebuilt when it was', async () => {
    const corpus = await copySeeds();
    const other = await makeTempDir('other');
    await writeFile(join(other, 'zanzibar.txt'), ZANZIBAR);
    const indexDir = await makeTempDir('index');
    await ingest({ corpus: other, indexDir, embedder: 'hashed' });
    const lines: string[] = [];
    const kept = await openArchive({ indexDir, corpusDir: corpus, corpusChosen: false, log: (l) => lines.push(l) });
    expect(kept.stats().articles).toBe(1);
    kept.close();
    expect(lines.join('\n')).toMatch(/holds the index of .*other.*Set CORPUS_DIR=/s);
    const rebuilt = await openArchive({ indexDir, corpusDir: corpus, corpusChosen: true, log: (l) => lines.push(l) });
    expect(rebuilt.stats().articles).toBe(5);
    rebuilt.close();
  });
});
