import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { fitHashedEmbedder, restoreHashedEmbedder, SEMANTIC_MIN_TEXTS } from '../../src/embed/hashed.ts';
import { topicalTexts } from '../support/topicalTexts.ts';

/** Small real-looking corpus: "minister" is in every text, "vientiane" in one. */
const CORPUS = [
  'The foreign minister met his counterpart in Vientiane on Friday.',
  'The foreign minister spoke about trade with Moscow.',
  'The minister discussed the oil supply and the rupee.',
  'A minister of defence visited the border posts.',
  'The prime minister will travel to Moscow next week.',
];

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

const fit = (dims?: number) => fitHashedEmbedder(CORPUS.map(analyzeTerms), dims);

describe('hashed embedder', () => {
  it('gives the same vector for the same text, across separately fitted embedders', async () => {
    const [a] = await fit().embed(['Jaishankar met Lavrov in Vientiane']);
    const [b] = await fit().embed(['Jaishankar met Lavrov in Vientiane']);
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });

  it('returns unit-length vectors of its dims', async () => {
    const embedder = fit(128);
    const vectors = await embedder.embed(['Talks in Vientiane', 'Oil and the rupee', 'nothing']);
    for (const v of vectors) {
      expect(v).toHaveLength(128);
      expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('puts texts that share words closer than unrelated ones', async () => {
    const [q, near, far] = await fit().embed([
      'oil supply talks with Moscow',
      'Moscow and Delhi discussed the oil supply',
      'cricket scores from the weekend league',
    ]);
    expect(cosine(q!, near!)).toBeGreaterThan(cosine(q!, far!) + 0.2);
  });

  it('embeds analysed terms exactly as it embeds the text', async () => {
    const embedder = fit();
    const texts = ['The minister met Lavrov in Vientiane.', 'Oil, oil and more oil: the rupee trade.'];
    const fromText = await embedder.embed(texts);
    const fromTerms = embedder.embedTerms(texts.map(analyzeTerms));
    expect(fromTerms.map((v) => Array.from(v))).toEqual(fromText.map((v) => Array.from(v)));
  });

  it('restores from its saved state with identical vectors and fingerprint', async () => {
    const fitted = fit();
    const restored = restoreHashedEmbedder(JSON.parse(JSON.stringify(fitted.state)));
    const text = ['The foreign minister met his counterpart in Vientiane.'];
    expect(restored.fingerprint).toBe(fitted.fingerprint);
    expect(Array.from((await restored.embed(text))[0]!)).toEqual(Array.from((await fitted.embed(text))[0]!));
  });

  it('fingerprints the fitted statistics: another corpus, another fingerprint', () => {
    const other = fitHashedEmbedder(['Completely different words here'].map(analyzeTerms));
    expect(other.fingerprint).not.toBe(fit().fingerprint);
    expect(fit().fingerprint).toMatch(/^hashed:v2:256:/);
  });

  it('weights a rare shared word above a common shared word (IDF)', async () => {
    // "vientiane" is in one corpus text, "minister" in all five: sharing the rare word counts more.
    const [query, sharesRare, sharesCommon] = await fit().embed(['vientiane minister', 'vientiane harbour', 'minister harbour']);
    expect(cosine(query!, sharesRare!)).toBeGreaterThan(cosine(query!, sharesCommon!));
  });

  it('adds word vectors learned from the archive once it has enough texts, and they meet paraphrases', async () => {
    const texts = topicalTexts(SEMANTIC_MIN_TEXTS).map(analyzeTerms);
    const small = fitHashedEmbedder(texts.slice(0, SEMANTIC_MIN_TEXTS - 1));
    const large = fitHashedEmbedder(texts);
    expect(small.state.semantic).toBeUndefined();
    expect(small.dims).toBe(256);
    expect(large.state.semantic).toBeDefined();
    expect(large.dims).toBe(256 + large.state.semantic!.dims);
    // "vaccine" and "immunization" never share a text, but share their company (dose, clinic, nurse).
    const [query, paraphrase, unrelated] = await large.embed(['vaccine', 'immunization', 'striker']);
    expect(cosine(query!, paraphrase!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.1);
    const [hq, hp] = await small.embed(['vaccine', 'immunization']);
    expect(cosine(hq!, hp!)).toBeCloseTo(0, 1);
    // Its state survives the round trip through the index file.
    const restored = restoreHashedEmbedder(JSON.parse(JSON.stringify(large.state)));
    expect(Array.from((await restored.embed(['vaccine']))[0]!)).toEqual(Array.from(query!));
  });
});
