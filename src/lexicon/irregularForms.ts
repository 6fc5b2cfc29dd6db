import { exceptionList } from './wordnetExceptions.ts';
import type { WordNet } from './wordnet.ts';

/**
 * The irregular forms the term analyser maps to their base before stemming ("fled" → flee,
 * "crises" → crisis), chosen from WordNet's exception lists. Porter reaches neither: "fled"
 * stays "fled" and "crises" stems to "crise" beside "crisis" → "crisi", so a question that
 * asks "Where did they flee?" or about "the crisis" misses the article's "fled" and "crises".
 *
 * Not every listed form is taken. A form that is a word of its own is left alone: "ground"
 * (a noun met 6 times in WordNet's tagged texts) is not "grind", "shot" not "shoot", "wound"
 * not "wind"; and a plural that is also a regular form of a verb ("leaves" of leave, "lives"
 * of live) is not read as the noun ("leaf", "life"). The result is generated once into
 * `src/analyze/irregularForms.json` (`npm run make:irregular-forms`): the analyser is the pure
 * core of ingest and questions and reads a small table, not WordNet.
 */
export interface IrregularFormSources {
  /** WordNet's verb and noun exception lists: form → base forms. */
  verbs: Iterable<[form: string, bases: string[]]>;
  nouns: Iterable<[form: string, bases: string[]]>;
  /** How often the form is met as a word of its own (noun or adjective) in tagged texts. */
  ownUses(form: string): number;
  isVerb(lemma: string): boolean;
  /** The analyser's stemmer: a form it already brings to its base's stem needs no entry. */
  stem(word: string): string;
}

/** Tagged uses from which a form counts as a word in its own right ("ground" 6, "bit" 5, "wound" 2; "ate", "fled" 0). */
const OWN_WORD_USES = 2;

/** form → base, sorted by form (a stable file). */
export function chooseIrregularForms(sources: IrregularFormSources): Record<string, string> {
  const chosen = new Map<string, string>();
  const consider = (list: Iterable<[string, string[]]>, keep: (form: string) => boolean) => {
    for (const [form, listed] of list) {
      const bases = [...new Set(listed.filter((b) => b !== form))];
      // One base only ("axes" is ax and axis), single plain words, and Porter not already there.
      if (bases.length !== 1 || chosen.has(form)) continue;
      const base = bases[0]!;
      if (!/^[a-z]+$/.test(form) || !/^[a-z]+$/.test(base)) continue;
      if (sources.stem(form) === sources.stem(base) || !keep(form)) continue;
      chosen.set(form, base);
    }
  };
  consider(sources.verbs, (form) => sources.ownUses(form) < OWN_WORD_USES);
  consider(sources.nouns, (form) => !sources.isVerb(form) && !regularVerbForm(form, sources.isVerb));
  return Object.fromEntries([...chosen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** "leaves" (leave + s), "bases" (base + s), "studies" (study): a regular inflection of a verb. */
function regularVerbForm(form: string, isVerb: (lemma: string) => boolean): boolean {
  const bases = [form.replace(/s$/, ''), form.replace(/es$/, ''), form.replace(/ies$/, 'y'), form.replace(/ed$/, ''), form.replace(/d$/, '')];
  return bases.some((base) => base !== form && isVerb(base));
}

/** The sources as WordNet and its exception lists give them. */
export function wordnetIrregularSources(wordnet: WordNet, stem: (word: string) => string): IrregularFormSources {
  return {
    verbs: exceptionList('v'),
    nouns: exceptionList('n'),
    ownUses: (form) => Math.max(wordnet.taggedUses(form, 'n'), wordnet.taggedUses(form, 'a')),
    isVerb: (lemma) => wordnet.senses(lemma, 'v').length > 0,
    stem,
  };
}
