/**
 * Chat drops apostrophes: "whats", "didnt", "theyre". Left so, such a word is one no
 * dictionary lists and the archive never writes, so a question typed in lower case reads it
 * as a name nobody here has written ("why didnt india sign" → "It never mentions Didnt
 * India"), and the spelling corrector may turn it into another word. The contractions of
 * English function words are put back together ("didn't"), in the case they were typed.
 * Left alone: those that are words of their own ("its", "well", "were", "lets", "hell",
 * "shed", "wed", "ill", "id"). Pure.
 */
const CONTRACTIONS = new Map<string, string>(
  [
    // n't
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
    "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "needn't", "ain't",
    // 's after a question word or a pointer
    "what's", "who's", "where's", "when's", "why's", "how's", "that's", "there's", "here's",
    // pronouns
    "i'm", "i've", "you're", "you've", "you'd", "they're", "they've", "they'd", "we've", "he's", "she's",
  ].map((written) => [written.replace("'", ''), written]),
);

const WORD = /\p{L}+/gu;

export function restoreApostrophes(question: string): string {
  return question.replace(WORD, (word, offset: number) => {
    // Already beside an apostrophe ("didn't", "o'clock"): written with one.
    if (/['’]/u.test(question[offset - 1] ?? '') || /['’]/u.test(question[offset + word.length] ?? '')) return word;
    const written = CONTRACTIONS.get(word.toLowerCase());
    if (!written) return word;
    if (word === word.toUpperCase() && word.length > 1) return written.toUpperCase();
    // In the case typed: a capital brought in ("im" → "I'm") would make a lower-case question
    // look written with capitals, and its names would not get theirs back (restoreCase.ts).
    return /^\p{Lu}/u.test(word) ? written[0]!.toUpperCase() + written.slice(1) : written;
  });
}
