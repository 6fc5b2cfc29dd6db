/**
 * Where a story is set. News names its place in the dateline and lead ("Vientiane: …", "…held
 * talks with his Russian counterpart in Moscow"), and a question sets its scene the same way
 * ("the Goa talks", "in the Russian capital", "Which Laotian city…"). An article whose lead
 * names a place the question names is preferred, as one from the date it names is: five
 * articles about the same two ministers differ mostly by where and when they met.
 */

export interface PlaceLookups {
  /** The names of the place a word or WordNet phrase ("russian_capital") names or pertains to; empty when none. */
  placeNames(phrase: string): ReadonlySet<string>;
  /** The names of the places inside it ("laotian" → vientiane…). */
  placesWithin(phrase: string): readonly string[];
}

/** Sentences read for where a story is set: the dateline and the lead that follows it. */
export const LEAD_SENTENCES = 2;

/** Words with a trailing possessive cut ("Laos'", "Russia's"), in order. */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}’'-]+/gu) ?? []).map((w) => w.replace(/['’]s?$/, ''));
}

/**
 * The places a text names with capitalised words, each as WordNet's phrase for it: a two-word
 * name WordNet lists ("Russian capital", "New Delhi") is read before its single words. A word
 * in lower case is a kind of place ("the city"), not one a story is set in.
 */
export function placePhrases(text: string, lookups: PlaceLookups): string[] {
  const words = wordsOf(text);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!)) continue;
    const pair = i + 1 < words.length ? `${words[i]}_${words[i + 1]}`.toLowerCase() : undefined;
    if (pair && lookups.placeNames(pair).size > 0) {
      out.push(pair);
      i++;
    } else if (lookups.placeNames(words[i]!.toLowerCase()).size > 0) {
      out.push(words[i]!.toLowerCase());
    }
  }
  return out;
}

/** The names of every place the lead sentences name. */
export function leadPlaceNames(lead: readonly string[], lookups: PlaceLookups): Set<string> {
  const names = new Set<string>();
  for (const phrase of lead.flatMap((text) => placePhrases(text, lookups))) for (const name of lookups.placeNames(phrase)) names.add(name);
  return names;
}

/**
 * The places a question names, each as the names a lead may give it: its own and those of the
 * places inside it ("Laotian" → laos, vientiane…; "the Russian capital" → moscow…).
 */
export function askedPlaces(question: string, lookups: PlaceLookups): Array<ReadonlySet<string>> {
  return placePhrases(question, lookups).map((phrase) => new Set([...lookups.placeNames(phrase), ...lookups.placesWithin(phrase)]));
}

/** Whether a lead names any of the asked places. */
export function leadNamesAskedPlace(lead: ReadonlySet<string>, asked: ReadonlyArray<ReadonlySet<string>>): boolean {
  return asked.some((names) => [...names].some((name) => lead.has(name)));
}
