/**
 * Where a story is set. News names its place in the dateline and lead ("Vientiane: …", "…held
 * talks with his Russian counterpart in Moscow"), and a question sets its scene the same way
 * ("the Goa talks", "in the Russian capital", "Which Laotian city…"). An article whose setting
 * is a place the question sets its scene in is preferred, as one from the date it names is:
 * five articles about the same two ministers differ mostly by where and when they met.
 *
 * Only a place used as a setting counts, on both sides. A place that acts or owns ("Moscow
 * accused Kyiv", "the Indian minister", "India's foreign minister") or that a story only
 * mentions ("exchanged views on the conflict in Ukraine" in a lead's second sentence) says
 * nothing about where the story happened: in an archive about two countries' ministers, every
 * question and every lead names both countries that way.
 */

export interface PlaceLookups {
  /** The names of the place a word or WordNet phrase ("russian_capital") names or pertains to; empty when none. */
  placeNames(phrase: string): ReadonlySet<string>;
  /** The names of the places inside it ("laotian" → vientiane…). */
  placesWithin(phrase: string): readonly string[];
}

/** What a story's setting is read from: its dateline, if the page gave one, and its lead sentence. */
export interface StoryOpening {
  /** The dateline's words ("Moscow", from the byline "Press Trust of India Moscow"), or null. */
  dateline: string | null;
  /** The article's first sentence that is not a heading ('' when it has none). */
  lead: string;
}

/** Words after which a place is where something happens: "in the Russian capital", "at Astana". */
const LOCATIVES = new Set(['in', 'at', 'into', 'near', 'inside', 'outside', 'across']);
/** A gathering a place names when it comes first: "the Goa talks", "the Astana summit". */
const GATHERINGS = new Set([
  'talks', 'meeting', 'meetings', 'summit', 'visit', 'conference', 'trip', 'session', 'forum',
  'event', 'events', 'briefing', 'ministerial', 'gathering', 'negotiations',
]);
/** A kind of place a country's adjective narrows: "Which Laotian city…" asks for a place in Laos. */
const PLACE_KINDS = new Set(['city', 'town', 'capital', 'village', 'port', 'region', 'province', 'state', 'resort', 'country']);
/** Marks that close a dateline at the start of a text: "Vientiane: …", "MOSCOW — …". */
const DATELINE_MARKS = new Set([':', '—', '–']);

interface Found {
  /** WordNet's phrase for the place ("russian_capital", "laos"). */
  phrase: string;
  /** Its first token and the token after it. */
  at: number;
  end: number;
}

/** Words (a trailing possessive cut: "Laos'", "Russia's") and the marks that bound a setting. */
function tokensOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}’'-]+|[:,—–]/gu) ?? []).map((w) => w.replace(/['’]s?$/, ''));
}

/**
 * Every place a text names with capitalised words: a two-word name WordNet lists ("Russian
 * capital", "New Delhi") is read before its single words. A word in lower case is a kind of
 * place ("the city"), not one a story is set in.
 */
function findPlaces(tokens: readonly string[], lookups: PlaceLookups): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}/u.test(tokens[i]!)) continue;
    const pair = i + 1 < tokens.length ? `${tokens[i]}_${tokens[i + 1]}`.toLowerCase() : undefined;
    if (pair && lookups.placeNames(pair).size > 0) {
      out.push({ phrase: pair, at: i, end: i + 2 });
      i++;
    } else if (lookups.placeNames(tokens[i]!.toLowerCase()).size > 0) {
      out.push({ phrase: tokens[i]!.toLowerCase(), at: i, end: i + 1 });
    }
  }
  return out;
}

/** The places a text names, each as WordNet's phrase for it. */
export function placePhrases(text: string, lookups: PlaceLookups): string[] {
  return findPlaces(tokensOf(text), lookups).map((f) => f.phrase);
}

/**
 * The places a text sets something in: after a locative ("in the Russian capital"), before a
 * gathering ("the Goa talks") or a kind of place ("Laotian city"), as the dateline opening
 * the text ("Vientiane: …"), or right after such a place ("in Astana, Kazakhstan", "in Laos'
 * Vientiane").
 */
export function settingPhrases(text: string, lookups: PlaceLookups): string[] {
  const tokens = tokensOf(text);
  const lower = tokens.map((t) => t.toLowerCase());
  const out: string[] = [];
  let settingEnd = -1;
  for (const { phrase, at, end } of findPlaces(tokens, lookups)) {
    const before = lower[at - 1] === 'the' ? at - 2 : at - 1;
    const next = lower[end] ?? '';
    const setting =
      LOCATIVES.has(lower[before] ?? '') ||
      GATHERINGS.has(next) ||
      PLACE_KINDS.has(next) ||
      (at === 0 && DATELINE_MARKS.has(next)) ||
      (settingEnd >= 0 && (at === settingEnd || (lower[at - 1] === ',' && at - 1 === settingEnd)));
    if (!setting) continue;
    out.push(phrase);
    settingEnd = end;
  }
  return out;
}

/** The names of every place a story is set in: all the dateline names, and the lead's settings. */
export function storySettingNames(opening: StoryOpening, lookups: PlaceLookups): Set<string> {
  const phrases = [...(opening.dateline ? placePhrases(opening.dateline, lookups) : []), ...settingPhrases(opening.lead, lookups)];
  const names = new Set<string>();
  for (const phrase of phrases) for (const name of lookups.placeNames(phrase)) names.add(name);
  return names;
}

/**
 * The places a question sets its scene in, each as the names a story's setting may give it:
 * its own and those of the places inside it ("Laotian city" → laos, vientiane…; "in the
 * Russian capital" → moscow…).
 */
export function askedSettings(question: string, lookups: PlaceLookups): Array<ReadonlySet<string>> {
  return settingPhrases(question, lookups).map((phrase) => new Set([...lookups.placeNames(phrase), ...lookups.placesWithin(phrase)]));
}

/** Whether a story is set in any of the asked places. */
export function setInAskedPlace(setting: ReadonlySet<string>, asked: ReadonlyArray<ReadonlySet<string>>): boolean {
  return asked.some((names) => [...names].some((name) => setting.has(name)));
}
