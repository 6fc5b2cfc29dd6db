import { casedWords, foldAccents } from '../../analyze/analyzeTerms.ts';

/** A proper name's shape: a capital, then letters with two lower-case ones in a row ("Federer", "McCarthy"; not "NASA", "Th2", "Xi"). */
const PARTY_SHAPE = /^\p{Lu}\p{L}{3,}$/u;
const LOWER_PAIR = /\p{Ll}{2}/u;

/**
 * The words of a question's names that no dictionary lists, as written: "Federer" in "Whom
 * did Roger Federer defeat…", "Murdaugh", "Behnken". Such a word only ever names one person,
 * place or thing, so an article that never writes any of them is not about what the question
 * asks, however well its other words match: the commonest confident wrong answer to a
 * question about a story the archive does not hold ("Federer" and "Federal" share a stem).
 * Left out: words a dictionary knows ("Laotian", "Middle East", "Bolt"), which an article may
 * say with other words ("Laos", "Gaza"); acronyms and codes ("NASA", "Th2"), often spelled out;
 * words of three letters or fewer; and the question's first word, capitalised whatever it is
 * ("Approximately how many…"). `isWord` is the dictionary (WordNet, through the index).
 */
export function partiesIn(question: string, namesWritten: readonly string[], isWord: (word: string) => boolean): string[] {
  const first = casedWords(question)[0];
  const parties = new Set<string>();
  for (const name of namesWritten) {
    for (const part of name.split(/[\s-]+/)) {
      const word = part.replace(/['’]s?$/u, '');
      if (word !== first && PARTY_SHAPE.test(word) && LOWER_PAIR.test(word) && !isWord(word.toLowerCase())) parties.add(word);
    }
  }
  return [...parties];
}

/**
 * The parties an article never writes, as the question writes them. A party is written when
 * the article's title or text has it as a word of its own, in any case, with or without
 * accents ("Sklodowska" for "Skłodowska"), singular or plural ("Grammys", "the Murdaughs"),
 * possessive or not; "Federal" is not "Federer".
 */
export function unwrittenParties(parties: readonly string[], article: { title: string; text: string }): string[] {
  if (parties.length === 0) return [];
  const text = foldAccents(`${article.title}\n${article.text}`.toLowerCase());
  return parties.filter((party) => !wordPattern(party).test(text));
}

/** Whether the question names parties and the article writes none of them: it tells another story. */
export function writesNoParty(parties: readonly string[], article: { title: string; text: string }): boolean {
  return parties.length > 0 && unwrittenParties(parties, article).length === parties.length;
}

/** The party as a word of its own in folded text, with or without a plural ending. */
function wordPattern(party: string): RegExp {
  const word = foldAccents(party.toLowerCase());
  const singular = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return new RegExp(`(?<!\\p{L})${escaped(singular)}(?:s|es)?(?!\\p{L})`, 'u');
}

function escaped(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
