import { analyzeTerms, irregularBase, isStopword, stemWord, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { PARTS_OF_SPEECH, type PartOfSpeech, type Synset, type WordNet } from './wordnet.ts';

/**
 * Words an archive may use for a question's words: "encounter" → meeting, "Laotian" → Laos,
 * "Russian capital" → Moscow, "Middle East" → Gaza. Read from WordNet's relations (synonyms,
 * derived forms, broader and narrower terms, parts and wholes), kept only where the archive
 * uses the word, each with a credit in (0, 1) for how close the relation is. This is how a
 * lexical backend bridges paraphrases without model weights.
 */
export interface RelatedTermsOptions {
  /** Senses read per word, most frequent first (WordNet orders them by tagged frequency). @default 3 */
  senses: number;
  /** Credit of a synonym or derived form ("encounter" → "meeting", "Laotian" → "Laos"). @default 0.6 */
  close: number;
  /** Credit one relation away: broader, narrower, part or whole ("Moscow" → "Russia"). @default 0.4 */
  near: number;
  /** Credit two steps down ("Middle East" → its parts → "Gaza"). @default 0.25 */
  far: number;
  /**
   * A related word with more senses than this is too vague to stand for another ("get",
   * "take", "make" are related to almost anything). @default 6
   */
  maxSenses: number;
  /**
   * A question word with more senses than this lends no related words: "top", "back", "sign",
   * "tie" have twenty senses each, and the few read are as likely wrong as right ("top" →
   * summit, "backed" → endorse). Phrases ("Russian capital") are exact and always read. @default 15
   */
  maxWordSenses: number;
}

export const DEFAULT_RELATED_OPTIONS: Readonly<RelatedTermsOptions> = Object.freeze({ senses: 3, close: 0.6, near: 0.4, far: 0.25, maxSenses: 6, maxWordSenses: 15 });

/** Slot (a question term) → related archive term → credit. */
export type RelatedTerms = Map<string, Map<string, number>>;

/** Broader and narrower terms, instances, parts and wholes: the relations that keep a topic. */
const ONE_STEP = new Set(['@', '@i', '~', '~i', '#p', '%p']);
/** Two steps only downwards, to things more specific: instances of a kind, parts of a part. */
const DOWNWARD = new Set(['~i', '%p']);
const DERIVED = new Set(['+', '\\', '<']);
/** Longest phrase looked up as one lemma ("prime minister", "gaza strip", "south china sea"). */
const LONGEST_PHRASE = 3;

/**
 * Related archive terms for each content word of `question`. `inArchive` says whether a term
 * occurs in the archive and `rarity` how rare it is there (its IDF); terms the question
 * already has are never added. What the archive holds around each word is memoised by the
 * `inArchive` function: pass one function per unchanging archive (a new build is a new index,
 * with a function of its own).
 */
export function relatedTerms(
  wordnet: WordNet,
  question: string,
  inArchive: (term: string) => boolean,
  rarity: (term: string) => number,
  options: Partial<RelatedTermsOptions> = {},
): RelatedTerms {
  const o = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const words = tokenizeWords(question);
  const own = new Set(analyzeTerms(question));
  const out: RelatedTerms = new Map();

  /**
   * Credit a slot with the archive term standing for a lemma (`ArchiveTerm`); a phrase holding
   * one of the question's own words is the same thing spelled out ("republic of india") and
   * adds nothing.
   */
  const credit = (slot: string, found: ArchiveTerm, value: number) => {
    if (own.has(found.term) || (found.phrase && found.terms.some((t) => own.has(t)))) return;
    let related = out.get(slot);
    if (!related) out.set(slot, (related = new Map()));
    if ((related.get(found.term) ?? 0) < value) related.set(found.term, value);
  };
  const around = (phrase: string, single: boolean) => archiveTermsAround(wordnet, phrase, single, o, inArchive, rarity);

  // A phrase WordNet lists as one ("Middle East", "Russian capital") is one thing: its words
  // lend only their other forms ("Russian" → Russia), not broader or narrower things ("middle"
  // is no "region" there, "capital" no "asset"), and what stands for the phrase stands for each
  // of its words (Moscow for "Russian" and for "capital").
  const inPhrase = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!wordnet.startsPhrase(words[i]!)) continue;
    for (let length = 2; length <= LONGEST_PHRASE && i + length <= words.length; length++) {
      const phrase = words.slice(i, i + length);
      if (isStopword(phrase.at(-1)!)) continue;
      const { listed, terms } = around(phrase.join('_'), false);
      if (!listed) continue;
      for (let j = i; j < i + length; j++) inPhrase.add(j);
      // A word the question also uses outside the phrase keeps its own meaning there: only the
      // phrase's head (its last word) takes what stands for the phrase.
      const outside = new Set(words.filter((_, j) => j < i || j >= i + length).map(stemWord));
      const slots = phrase.filter((w, k) => !isStopword(w) && (k === length - 1 || !outside.has(stemWord(w)))).map(stemWord);
      for (const { found, how } of terms) for (const slot of slots) credit(slot, found, o[how]);
    }
  }
  words.forEach((word, i) => {
    if (isStopword(word) || /^\d/.test(word)) return;
    for (const { found, how } of around(word, true).terms) if (how === 'close' || !inPhrase.has(i)) credit(stemWord(word), found, o[how]);
  });
  return out;
}

/** The archive term standing for a WordNet lemma. */
interface ArchiveTerm {
  term: string;
  /** The lemma's analysed terms. */
  terms: string[];
  phrase: boolean;
}

/** Whether WordNet lists a word or phrase, and the archive terms around it. */
interface AroundTerms {
  listed: boolean;
  terms: Array<{ found: ArchiveTerm; how: Closeness }>;
}

interface ArchiveCache {
  /** Lemma → the archive term standing for it, or null. */
  terms: Map<string, ArchiveTerm | null>;
  around: Map<string, AroundTerms>;
}

/**
 * Per WordNet and archive (its `inArchive` function, one per loaded index): the lemmas around
 * a word narrowed to those the archive has. A word has hundreds of lemmas around it ("city":
 * every city WordNet knows) and a question's words are mostly the same common ones question
 * after question, so each question credits only the few dozen the archive holds.
 */
const archiveCaches = new WeakMap<WordNet, WeakMap<(term: string) => boolean, Map<string, ArchiveCache>>>();
const ARCHIVE_CACHE_LIMIT = 50_000;

function archiveTermsAround(
  wordnet: WordNet,
  phrase: string,
  single: boolean,
  o: RelatedTermsOptions,
  inArchive: (term: string) => boolean,
  rarity: (term: string) => number,
): AroundTerms {
  let perArchive = archiveCaches.get(wordnet);
  if (!perArchive) archiveCaches.set(wordnet, (perArchive = new WeakMap()));
  let perOptions = perArchive.get(inArchive);
  if (!perOptions) perArchive.set(inArchive, (perOptions = new Map()));
  const optionsKey = `${o.senses}|${o.maxSenses}|${o.maxWordSenses}`;
  let cache = perOptions.get(optionsKey);
  if (!cache) perOptions.set(optionsKey, (cache = { terms: new Map(), around: new Map() }));
  const cached = cache.around.get(phrase);
  if (cached) return cached;
  const lemmas = lemmasAround(wordnet, phrase, single, o);
  const terms: Array<{ found: ArchiveTerm; how: Closeness }> = [];
  for (const { lemma, how } of lemmas) {
    let found = cache.terms.get(lemma);
    if (found === undefined) {
      found = archiveTermOf(wordnet, lemma, inArchive, rarity, o.maxSenses);
      if (cache.terms.size >= ARCHIVE_CACHE_LIMIT) cache.terms.clear();
      cache.terms.set(lemma, found);
    }
    if (found) terms.push({ found, how });
  }
  const result: AroundTerms = { listed: lemmas.length > 0, terms };
  if (cache.around.size >= ARCHIVE_CACHE_LIMIT) cache.around.clear();
  cache.around.set(phrase, result);
  return result;
}

/**
 * The archive term standing for a lemma. A phrase ("gaza strip", "new delhi") stands by its
 * rarest word, and only when the archive has all its words. It is not stood for by a vague word
 * of it ("get-up-and-go" is not "get"), and one with a single content word ("go-between",
 * "go to") is an idiom that stands for nothing.
 */
function archiveTermOf(wordnet: WordNet, lemma: string, inArchive: (term: string) => boolean, rarity: (term: string) => number, maxSenses: number): ArchiveTerm | null {
  const terms = analyzeTerms(lemma);
  if (terms.length === 0 || !terms.every(inArchive)) return null;
  const words = tokenizeWords(lemma);
  if (words.length === 1) return { term: terms[0]!, terms, phrase: false };
  if (terms.length === 1) return null;
  const telling = words.filter((w) => !isStopword(w) && !isVague(wordnet, w, maxSenses)).map(stemWord);
  return telling.length ? { term: telling.reduce((a, b) => (rarity(b) > rarity(a) ? b : a)), terms, phrase: true } : null;
}

type Closeness = 'close' | 'near' | 'far';
/** Per WordNet: one that cannot be read must not answer from another's memo. */
const aroundCaches = new WeakMap<WordNet, Map<string, Array<{ lemma: string; how: Closeness }>>>();
const AROUND_CACHE_LIMIT = 50_000;

/**
 * The lemmas around a word or phrase in WordNet, vague ones left out, closest first. Depends
 * only on WordNet, so it is memoised (per WordNet) across questions and archives.
 */
function lemmasAround(wordnet: WordNet, phrase: string, single: boolean, o: RelatedTermsOptions): Array<{ lemma: string; how: Closeness }> {
  const key = `${phrase}|${o.senses}|${o.maxSenses}|${o.maxWordSenses}`;
  let aroundCache = aroundCaches.get(wordnet);
  if (!aroundCache) aroundCaches.set(wordnet, (aroundCache = new Map()));
  let found = aroundCache.get(key);
  if (found) return found;
  const best = new Map<string, Closeness>();
  const primary = new Set<string>();
  const rank: Record<Closeness, number> = { close: 0, near: 1, far: 2 };
  for (const [pos, lemma] of lemmaCandidates(phrase, single)) {
    if (single && isVague(wordnet, lemma, o.maxWordSenses)) continue;
    for (const [nth, offset] of wordnet.senses(lemma, pos).slice(0, o.senses).entries()) {
      const synset = wordnet.synset(pos, offset);
      if (!synset) continue;
      if (nth === 0) for (const w of synset.words) primary.add(w);
      walk(wordnet, synset, lemma, (l, how) => {
        const had = best.get(l);
        if (had === undefined || rank[how] < rank[had]) best.set(l, how);
      });
    }
  }
  // A vague word is kept only as a synonym in the question word's most frequent sense, and not
  // past the limit for question words: "worry" is first of all a "concern", though "concern"
  // has seven senses; "encounter" is first "see" too, but "see" has twenty-six.
  const tooVague = (lemma: string) => isVague(wordnet, lemma, primary.has(lemma) ? o.maxWordSenses : o.maxSenses);
  found = [...best].filter(([lemma]) => !tooVague(lemma)).map(([lemma, how]) => ({ lemma, how }));
  if (aroundCache.size >= AROUND_CACHE_LIMIT) aroundCache.clear();
  aroundCache.set(key, found);
  return found;
}

/** A lemma with more senses than `maxSenses`, over all parts of speech, is too vague to stand for another. */
function isVague(wordnet: WordNet, lemma: string, maxSenses: number): boolean {
  return wordnet.senseCount(lemma) > maxSenses;
}

/** Visit the lemmas around one sense of `lemma`, saying how close each is. */
function walk(wordnet: WordNet, synset: Synset, lemma: string, visit: (lemma: string, how: Closeness) => void): void {
  const self = synset.words.indexOf(lemma.replace(/_/g, ' ')) + 1;
  synset.words.forEach((w) => visit(w, 'close'));
  for (const p of synset.pointers) {
    const target = wordnet.synset(p.pos, p.offset);
    if (!target) continue;
    if (DERIVED.has(p.symbol)) {
      // Derived forms are links between words: follow only the ones from this lemma.
      if (p.sourceWord === 0 || p.sourceWord === self) {
        const word = p.targetWord ? target.words[p.targetWord - 1] : undefined;
        if (word) visit(word, 'close');
        target.words.forEach((w) => visit(w, 'near'));
        // "Laotian" → Laos → its parts (Vientiane): a place's adjective asks about the place.
        if (p.symbol === '\\') for (const q of target.pointers) if (DOWNWARD.has(q.symbol)) wordnet.synset(q.pos, q.offset)?.words.forEach((w) => visit(w, 'far'));
      }
      continue;
    }
    if (!ONE_STEP.has(p.symbol)) continue;
    target.words.forEach((w) => visit(w, 'near'));
    if (DOWNWARD.has(p.symbol)) {
      for (const q of target.pointers) if (DOWNWARD.has(q.symbol)) wordnet.synset(q.pos, q.offset)?.words.forEach((w) => visit(w, 'far'));
    }
  }
}

/**
 * Base forms a word may be listed under, by part of speech: WordNet's "morphy" detachment
 * rules (no exception lists ship with the package; `stemWord`'s irregular forms stand in).
 */
export function lemmaCandidates(word: string, single: boolean): Array<[PartOfSpeech, string]> {
  const forms = new Set([word]);
  const suffixes: Array<[string, string]> = [
    ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
    ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''],
  ];
  for (const [from, to] of suffixes) if (word.endsWith(from) && word.length > from.length + 2) forms.add(word.slice(0, -from.length) + to);
  if (single) forms.add(irregularBase(word));
  const out: Array<[PartOfSpeech, string]> = [];
  for (const pos of PARTS_OF_SPEECH) for (const form of forms) out.push([pos, form]);
  return out;
}
