import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/analyze/analyzeTerms.ts';
import { lemmaCandidates } from '../../src/lexicon/lemmasAround.ts';
import { DEFAULT_RELATED_OPTIONS, relatedTerms } from '../../src/lexicon/relatedTerms.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';

const wordnet = new WordNet();
/** An archive vocabulary: only these (analysed) words exist in it. */
const archive = (...words: string[]) => {
  const terms = new Set(words.flatMap((w) => analyzeTerms(w)));
  return [(t: string) => terms.has(t), () => 1] as const;
};

describe('relatedTerms', () => {
  it('bridges a place adjective to the place, and a noun to its synonym, with credits', () => {
    const related = relatedTerms(wordnet, 'Which Laotian city hosted the encounter?', ...archive('Laos', 'meeting', 'Vientiane', 'get'));
    expect(related.get('laotian')?.get('lao')).toBe(DEFAULT_RELATED_OPTIONS.close);
    expect(related.get('encount')?.get('meet')).toBe(DEFAULT_RELATED_OPTIONS.close);
    // Laos' parts are two steps away: Vientiane is credited, less.
    expect(related.get('laotian')?.get('vientian')).toBe(DEFAULT_RELATED_OPTIONS.far);
  });

  it('reads phrases as one lemma, crediting the last word: "Russian capital" is Moscow', () => {
    const related = relatedTerms(wordnet, 'What did he say in the Russian capital?', ...archive('Moscow'));
    expect(related.get('capit')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
  });

  it('adds only words the archive has, never the question’s own, never vague ones', () => {
    const related = relatedTerms(wordnet, 'Where did they meet and encounter each other?', ...archive('meet', 'get', 'see', 'come'));
    const all = [...related.values()].flatMap((m) => [...m.keys()]);
    expect(all).not.toContain('meet'); // the question's own word
    for (const vague of ['get', 'see', 'come']) expect(all).not.toContain(vague); // dozens of senses each
    expect(relatedTerms(wordnet, 'Which Laotian city?', ...archive('nothing'))).toEqual(new Map());
  });

  it('keeps a vague word only as a synonym in the question word’s most frequent sense', () => {
    // "concern" has seven senses, but the first sense of "worry" is {concern, worry, headache}.
    const worry = relatedTerms(wordnet, 'What worry did he raise?', ...archive('concern'));
    expect(worry.get('worri')?.get('concern')).toBe(DEFAULT_RELATED_OPTIONS.close);
    // "business" shares a later sense of "concern" only: still too vague to stand for it.
    const concern = relatedTerms(wordnet, 'Which concern did he raise?', ...archive('business'));
    expect(concern.get('concern')?.has('busi') ?? false).toBe(false);
  });

  it('stands a phrase by its rarest word, and skips one spelling out a question word', () => {
    const rarity = (t: string) => (t === 'gaza' ? 5 : 1);
    const inArchive = (t: string) => ['gaza', 'strip', 'east', 'india', 'republ'].includes(t);
    const related = relatedTerms(wordnet, 'Which Middle East crisis? What about India?', inArchive, rarity);
    expect(related.get('east')?.get('gaza')).toBe(DEFAULT_RELATED_OPTIONS.far);
    expect(related.get('east')?.has('strip')).toBe(false);
    // The phrase is one thing: what stands for it stands for each of its words.
    expect(related.get('middl')?.get('gaza')).toBe(DEFAULT_RELATED_OPTIONS.far);
    // "Republic of India" holds "india" itself: not a relative.
    expect(related.get('india')?.has('republ') ?? false).toBe(false);
  });

  it('lends a word inside a phrase only its other forms: "Middle" in "Middle East" is no region', () => {
    const related = relatedTerms(wordnet, 'Which Middle East crisis did they discuss?', ...archive('region', 'area', 'country', 'Asia', 'Gaza'));
    expect(related.get('middl')?.has('region')).toBe(false);
    expect(related.get('middl')?.has('area')).toBe(false);
    expect(related.get('east')?.has('asia')).toBe(false);
    // Alone, "middle" does stand for a region, and "east" for Asia.
    expect(relatedTerms(wordnet, 'Which middle part did they discuss?', ...archive('region', 'area')).get('middl')?.size).toBeGreaterThan(0);
    expect(relatedTerms(wordnet, 'What about the east?', ...archive('Asia')).get('east')?.has('asia')).toBe(true);
    // "Russian" keeps its other form; "capital" is no asset in "the Russian capital", alone it is.
    const capital = relatedTerms(wordnet, 'What did he say in the Russian capital?', ...archive('Moscow', 'Russia', 'assets'));
    expect(capital.get('russian')?.get('russia')).toBe(DEFAULT_RELATED_OPTIONS.close);
    expect(capital.get('russian')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
    expect(capital.get('capit')?.has('asset')).toBe(false);
    expect(relatedTerms(wordnet, 'What did he say about capital?', ...archive('assets')).get('capit')?.has('asset')).toBe(true);
  });

  it('leaves a word the question also uses outside the phrase its own meaning', () => {
    const related = relatedTerms(wordnet, 'Had the Russian diplomats met before their talks in the Russian capital?', ...archive('Moscow', 'Russia'));
    expect(related.get('russian')?.has('moscow')).toBe(false);
    expect(related.get('russian')?.get('russia')).toBe(DEFAULT_RELATED_OPTIONS.close);
    expect(related.get('capit')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
  });

  it('keeps its memo per WordNet: one that cannot be read fails (the index then answers without related words), even on a question read before', () => {
    const question = 'Which Laotian city hosted the encounter?';
    expect(relatedTerms(wordnet, question, ...archive('Laos', 'meeting')).size).toBeGreaterThan(0);
    expect(() => relatedTerms(new WordNet('/nonexistent/wordnet'), question, ...archive('Laos', 'meeting'))).toThrow(/ENOENT/);
  });

  it('does not stand an idiom by its one content word, nor a phrase by a vague word', () => {
    // "go-between" is a kind of diplomat, "go to" a sense of attend, "get-up-and-go" of energy.
    const related = relatedTerms(wordnet, 'Which diplomat would attend with such energy?', ...archive('go', 'get', 'minister'));
    const all = [...related.values()].flatMap((m) => [...m.keys()]);
    expect(all).not.toContain('go');
    expect(all).not.toContain('get');
    expect(related.get('diplomat')?.get('minist')).toBe(DEFAULT_RELATED_OPTIONS.near);
  });

  it('lends nothing from a question word with very many senses; phrases are still read', () => {
    const vocabulary = archive('summit', 'minister', 'Moscow');
    const question = 'Which top diplomat spoke in the Russian capital?';
    // "top" has over twenty senses; the ones read first make it "summit".
    expect(relatedTerms(wordnet, question, ...vocabulary, { maxWordSenses: 100 }).get('top')?.has('summit')).toBe(true);
    const related = relatedTerms(wordnet, question, ...vocabulary);
    expect(related.get('top')).toBeUndefined();
    expect(related.get('diplomat')?.has('minist')).toBe(true);
    expect(related.get('capit')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
  });

  it('finds base forms by WordNet’s detachment rules and the irregular list', () => {
    const forms = (w: string) => lemmaCandidates(w, true).filter(([pos]) => pos === 'n').map(([, l]) => l);
    expect(forms('cities')).toContain('city');
    expect(forms('diplomats')).toContain('diplomat');
    expect(lemmaCandidates('met', true).map(([, l]) => l)).toContain('meet');
  });

  it('looks an irregular form\'s base up only where its exception list files it', () => {
    const lemmas = (w: string) => lemmaCandidates(w, true).map(([pos, l]) => `${pos}:${l}`);
    // "born" is the verb bear (give birth), never the animal.
    expect(lemmas('born')).toContain('v:bear');
    expect(lemmas('born')).not.toContain('n:bear');
    expect(lemmas('crises')).toContain('n:crisis');
    expect(lemmas('crises')).not.toContain('v:crisis');
    // A base no list gives is looked up in every part of speech.
    expect(lemmas('people')).toEqual(expect.arrayContaining(['n:person', 'v:person']));
    const related = relatedTerms(wordnet, 'Where was she born?', () => true, () => 1);
    expect(related.get('bear')?.has('birth')).toBe(true);
    expect(related.get('bear')?.has('bruin')).toBe(false);
  });
});

describe('relatedTerms of prepositions', () => {
  it('lends nothing from "regarding" or "according to": they are not the verbs "regard" and "accord"', () => {
    const related = relatedTerms(
      wordnet,
      'According to Moscow, what did the minister push for regarding Indians stuck in the conflict zone?',
      ...archive('view', 'agreement', 'press', 'war'),
    );
    const all = [...related.values()].flatMap((m) => [...m.keys()]);
    expect(all).not.toContain('view'); // "regard" → view
    expect(all).not.toContain('agreement'); // "accord" → agreement
    expect(related.get('push')?.get('press')).toBeGreaterThan(0); // the question's real verb still lends
  });
});

describe('relatedTerms remembered across questions', () => {
  it('keeps each archive’s words apart, and still leaves out a later question’s own words', () => {
    const [hasMoscow, rarity] = archive('Moscow');
    const [hasParis] = archive('Paris');
    const asked = 'What did he say in the Russian capital?';
    expect(relatedTerms(wordnet, asked, hasMoscow, rarity).get('capit')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
    // The same words of another archive: Moscow is not in it.
    expect(relatedTerms(wordnet, asked, hasParis, rarity).get('capit')).toBeUndefined();
    // The first archive again, with Moscow now one of the question's own words.
    expect(relatedTerms(wordnet, 'What did he say in the Russian capital, Moscow?', hasMoscow, rarity).get('capit')?.has('moscow') ?? false).toBe(false);
    expect(relatedTerms(wordnet, asked, hasMoscow, rarity).get('capit')?.get('moscow')).toBe(DEFAULT_RELATED_OPTIONS.close);
  });
});
