/**
 * The archive is searched in English: its terms are English stems and its related words
 * come from English WordNet. A question written mostly in another script (Devanagari,
 * Cyrillic, Arabic, Han…) matches nothing, so it gets a short message saying so instead of a
 * confident "the archive does not answer this". Pure; Unicode script properties, no model.
 */
const SCRIPTS: Array<[name: string, pattern: RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Chinese', /\p{Script=Han}/u],
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
];

/** The non-Latin script most of the question's letters are written in, or undefined when it is mostly Latin. */
export function foreignScript(text: string): string | undefined {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return undefined;
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin * 2 >= letters.length) return undefined;
  let best: { name: string; count: number } | undefined;
  for (const [name, pattern] of SCRIPTS) {
    const count = letters.filter((c) => pattern.test(c)).length;
    if (count > 0 && (!best || count > best.count)) best = { name, count };
  }
  return best?.name ?? 'a non-Latin script';
}

export function englishOnlyMessage(script: string): string {
  return `I search this archive in English, and your question is written in ${script}. Please ask it in English, e.g. "Who won the election, and when?"`;
}
