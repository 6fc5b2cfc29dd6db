import { irregularBase } from '../analyze/analyzeTerms.ts';
import { PARTS_OF_SPEECH, type PartOfSpeech, type Synset, type WordNet } from './wordnet.ts';
import { exceptionBases } from './wordnetExceptions.ts';

/** How widely WordNet is read around a word: the part of `RelatedTermsOptions` that picks lemmas. */
export interface WordNetReading {
  /** Senses read per word, most frequent first (WordNet orders them by tagged frequency). @default 3 */
  senses: number;
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

/** Broader and narrower terms, instances, parts and wholes: the relations that keep a topic. */
const ONE_STEP = new Set(['@', '@i', '~', '~i', '#p', '%p']);
/** Two steps only downwards, to things more specific: instances of a kind, parts of a part. */
const DOWNWARD = new Set(['~i', '%p']);
const DERIVED = new Set(['+', '\\', '<']);

/** How close a lemma is to the word it was read around; the options give each a credit. */
export type Closeness = 'close' | 'near' | 'far';
/** Per WordNet: one that cannot be read must not answer from another's memo. */
const aroundCaches = new WeakMap<WordNet, Map<string, Array<{ lemma: string; how: Closeness }>>>();
const AROUND_CACHE_LIMIT = 50_000;

/**
 * The lemmas around a word or phrase in WordNet, vague ones left out, closest first. Depends
 * only on WordNet, so it is memoised (per WordNet) across questions and archives.
 */
export function lemmasAround(wordnet: WordNet, phrase: string, single: boolean, o: WordNetReading): Array<{ lemma: string; how: Closeness }> {
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
export function isVague(wordnet: WordNet, lemma: string, maxSenses: number): boolean {
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
 * rules, and the analyser's irregular form ("fled" → flee; the exception-list forms it chose,
 * src/lexicon/irregularForms.ts).
 */
export function lemmaCandidates(word: string, single: boolean): Array<[PartOfSpeech, string]> {
  const forms = new Set([word]);
  const suffixes: Array<[string, string]> = [
    ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
    ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''],
  ];
  for (const [from, to] of suffixes) if (word.endsWith(from) && word.length > from.length + 2) forms.add(word.slice(0, -from.length) + to);
  // Verbs whose base ends in -y or is a short -e word: "cried" → cry, "applied" → apply, "died" → die, "ties" → tie.
  if (word.endsWith('ied') && word.length > 4) forms.add(`${word.slice(0, -3)}y`);
  if (/^\p{L}{2}e[ds]$/u.test(word)) forms.add(word.slice(0, -1));
  const out: Array<[PartOfSpeech, string]> = [];
  for (const pos of PARTS_OF_SPEECH) for (const form of forms) out.push([pos, form]);
  if (single) out.push(...irregularLemmas(word));
  return out;
}

/**
 * The analyser's base of an irregular form, under the parts of speech whose exception list
 * gives it: "born" is the verb bear, never the animal; "crises" the noun crisis. A base no
 * list gives ("people" → person) is looked up in every part of speech.
 */
function irregularLemmas(word: string): Array<[PartOfSpeech, string]> {
  const base = irregularBase(word);
  if (base === word) return [];
  const listed = exceptionBases(word).filter(([, b]) => b === base);
  return listed.length > 0 ? listed : PARTS_OF_SPEECH.map((pos) => [pos, base]);
}

/**
 * Whether WordNet lists a word, in any part of speech, as it is or by a base form ("hosted" →
 * host), an irregular form by WordNet's exception lists ("got" → get, "fled" → flee), and the
 * common irregular shapes too ("overtook" → overtake, "ridden" → ride, "hottest" → hot), so a
 * real word is not taken for a slip or a name.
 */
export function isDictionaryWord(wordnet: WordNet, word: string): boolean {
  const forms: Array<[PartOfSpeech, string]> = [...lemmaCandidates(word, true), ...exceptionBases(word)];
  for (const base of irregularShapes(word)) for (const pos of PARTS_OF_SPEECH) forms.push([pos, base]);
  return forms.some(([pos, form]) => wordnet.senses(form, pos).length > 0);
}

const IRREGULAR_SHAPES: Array<[RegExp, string]> = [
  [/ook$/, 'ake'], // took, overtook, shook
  [/one$/, 'o'], // gone, undergone
  [/ew$/, 'ow'], // grew, threw
  [/([bcdfgklmnprstvz])\1en$/, '$1e'], // ridden, bitten, written
  [/en$/, ''], // eaten, fallen
  [/en$/, 'e'], // given, driven
  [/([bcdfgklmnprstvz])\1(?:est|er)$/, '$1'], // hottest, bigger
  [/(?:est|er)$/, 'e'], // finest, later
];

function irregularShapes(word: string): string[] {
  return IRREGULAR_SHAPES.filter(([shape]) => shape.test(word)).map(([shape, base]) => word.replace(shape, base));
}
