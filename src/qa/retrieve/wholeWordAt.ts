const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Where `word` (letters only) stands in `text` as a whole word, in any case. A scan of the
 * lower-cased text: a case-insensitive Unicode regular expression with look-arounds cost 1.7 ms
 * a word on five chunks, most of a lower-case question's time. Where lower-casing changes a
 * text's length ("İ"), the expression is used.
 */
export function wholeWordAt(text: string, word: string): number[] {
  const lower = text.toLowerCase();
  const needle = word.toLowerCase();
  const out: number[] = [];
  if (lower.length !== text.length || needle.length !== word.length) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'))) out.push(m.index);
    return out;
  }
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    const before = at > 0 ? String.fromCodePoint(text.codePointAt(at - 1 - (isLowSurrogate(text, at - 1) ? 1 : 0))!) : '';
    const after = at + needle.length < text.length ? String.fromCodePoint(text.codePointAt(at + needle.length)!) : '';
    if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) out.push(at);
  }
  return out;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0;
}
