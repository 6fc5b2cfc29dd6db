/**
 * A question typed all in lower case, as many are in a chat ("who did roger federer beat at
 * wimbledon"), names nothing: names are read from capitals (constraints.ts, parties.ts), and
 * the abstention model and the party rule lose them. Its words are given back the case the
 * archive writes them in: a word the archive writes capitalised more often than not, past the
 * start of a sentence, takes its commonest capitalised form ("lavrov" → "Lavrov", "nasa" →
 * "NASA", "iphone" → "iPhone"); a word the archive never writes and no dictionary lists is a
 * name nobody here has written, and is capitalised ("federer" → "Federer"). Left alone:
 * questions with a capital past their first letter (their writer chose; the first letter alone
 * is a phone's doing, and that word is left as it is), stopwords, dictionary words the archive
 * does not write, unknown words of fewer than `SHORTEST_NAME` letters, and runs of letters too
 * long to be words. An unknown word shorter than `SHORTEST_SLIP_CHECKED` one edit from a word
 * the archive uses is likelier a slip of it than a name ("wher", or "peple" where the spelling
 * corrector found more than one word it may stand for): it is left as typed, not declined as a
 * story the archive lacks ("It never mentions Peple"). Pure, given the lookups.
 */
export interface CasingLookups {
  /** How the archive writes a word, each form with how often (sentence starts left out); empty when it never does. */
  forms(word: string): ReadonlyMap<string, number>;
  /** Whether the dictionary lists the word or a form of it. */
  isWord(word: string): boolean;
  isStopword(word: string): boolean;
  /** Whether a word one edit away is a function word, or a dictionary word the archive uses. */
  nearKnownWord(word: string): boolean;
}

/** Shorter unknown words are as likely slips as names ("teh", "wat"). */
const SHORTEST_NAME = 4;
/**
 * From this length on the spelling corrector has had its say (correctSpelling.ts): a word it
 * left alone is read as a name.
 */
const SHORTEST_SLIP_CHECKED = 6;
/** Longer runs of letters are no words (pasted noise): not looked up. */
const LONGEST_WORD = 30;
const WORD = /\p{L}+/gu;
const CAPITAL = /\p{Lu}/u;

export function restoreCase(question: string, lookups: CasingLookups): string {
  // A phone capitalises the first letter whatever was typed: that capital alone is no choice.
  const first = /\p{L}/u.exec(question);
  if (CAPITAL.test(first ? question.slice(first.index + 1) : question)) return question;
  const firstCapitalised = first !== null && CAPITAL.test(first[0]);
  return question.replace(WORD, (word, offset: number) => {
    if (firstCapitalised && offset === first.index) return word;
    if ([...word].length > LONGEST_WORD || lookups.isStopword(word)) return word;
    const forms = lookups.forms(word);
    if (forms.size === 0) {
      const letters = [...word].length;
      const name = letters >= SHORTEST_NAME && !lookups.isWord(word) && (letters >= SHORTEST_SLIP_CHECKED || !lookups.nearKnownWord(word));
      return name ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    }
    let lower = 0;
    let capitalised = 0;
    let best: { form: string; uses: number } | undefined;
    for (const [form, uses] of forms) {
      if (!CAPITAL.test(form)) {
        lower += uses;
        continue;
      }
      capitalised += uses;
      if (!best || uses > best.uses || (uses === best.uses && form < best.form)) best = { form, uses };
    }
    return best && capitalised > lower ? best.form : word;
  });
}

/**
 * A question's first word is capitalised wherever it stands, so its capital may name nothing:
 * "Got any figures on Russian oil?" is read as naming "Got", and the reply said "It never
 * mentions Got." Returns the first word when a dictionary lists it and the archive does not
 * write it capitalised more often than not ("Got", "Tell", "Give"); undefined for "China",
 * "May" or "Lavrov", and for function words (never read as names). The abstention model was
 * fitted with such words read as names, and refit without them it moved by one question either
 * way on the held-out sets (docs/quality.md), so only what the reply says leaves them out. Pure,
 * given the lookups.
 */
export function positionalCapital(question: string, lookups: CasingLookups): string | undefined {
  const first = /^\P{L}*(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’-])/u.exec(question);
  if (!first) return undefined;
  const word = first[1]!;
  const lower = word.toLowerCase();
  if (lookups.isStopword(lower) || !lookups.isWord(lower)) return undefined;
  let capitalised = 0;
  let written = 0;
  for (const [form, uses] of lookups.forms(lower)) {
    if (CAPITAL.test(form)) capitalised += uses;
    else written += uses;
  }
  return capitalised > written ? undefined : word;
}
