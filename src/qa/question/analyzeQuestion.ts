import { analyzeTerms, tokenizeWords } from '../../analyze/analyzeTerms.ts';
import { parseQuestionDates, type DateRange } from './questionDates.ts';
import { answerDetailOf, focusWords, typeOfFocus, type AnswerDetail, type AnswerType, type KindOf } from './answerFocus.ts';

export type { AnswerType };
import { questionConstraints, type QuestionConstraints } from './constraints.ts';


export interface QuestionAnalysis {
  text: string;
  /** Stemmed content terms (duplicates kept: a repeated word matters more). */
  terms: string[];
  answerType: AnswerType;
  /** The shape of the figure a number or date question asks for ("What share…" → percent). */
  answerDetail: AnswerDetail | undefined;
  dates: DateRange[];
  /**
   * Terms that name the kind of answer, not its subject: "year" in "In what year…", "city" in
   * "Which Laotian city…", "times" in "How many times…". The answer rarely repeats them.
   */
  kindTerms: string[];
  /** Terms the question sets aside: "oil" in "Besides oil, what…". The answer is something else. */
  asideTerms: string[];
  /** The year, month, period, edition and names it pins down (constraints.ts). */
  constraints: QuestionConstraints;
}

/**
 * Question → terms, expected answer type and named dates. The type comes from the question
 * word (when → date, how many/much → number, who → person, where → place) or, for "which …"
 * and "what …", from the kind of the noun asked for, when `kindOf` (WordNet) can tell it.
 * `isWord` (WordNet too) tells the names only a name can be, the question's parties (constraints.ts).
 */
export function analyzeQuestion(text: string, now?: Date, kindOf?: KindOf, isWord?: (word: string) => boolean): QuestionAnalysis {
  const byWord = answerTypeOf(text);
  const byFocus = kindOf && (byWord === 'other' || byWord === 'name' || byWord === 'place') ? typeOfFocus(focusWords(text), kindOf) : undefined;
  // "What is the name of …" asks for a name whatever the kind.
  const named = /\bname of\b/i.test(text) && (byFocus === undefined || byFocus === 'other') ? 'name' : undefined;
  const detail = answerDetailOf(text);
  const dates = parseQuestionDates(text, now);
  return {
    text,
    terms: analyzeTerms(withoutCompoundPrepositions(text)),
    answerType: detail === 'year' ? 'date' : detail ? 'number' : (named ?? byFocus ?? byWord),
    answerDetail: detail,
    dates,
    kindTerms: kindTermsOf(text),
    asideTerms: asideTermsOf(text),
    constraints: questionConstraints(text, dates, isWord),
  };
}

/**
 * Prepositions spelled as phrases ("according to the Russian side", "prior to the talks") join
 * words; they name nothing. Their content-looking word would otherwise be searched for:
 * "according" stands for "agreement" in WordNet, "prior" for "earlier". Taken out of the
 * question's terms only (the stopword list is single words, and "front" or "due" alone may be
 * the topic).
 */
const COMPOUND_PREPOSITION =
  /\b(?:according to|in accordance with|due to|owing to|thanks to|prior to|instead of|in spite of|regardless of|in terms of|with respect to|on behalf of|in front of|by means of|as well as|rather than)\b/giu;

export function withoutCompoundPrepositions(question: string): string {
  return question.replace(COMPOUND_PREPOSITION, ' ');
}

const KIND_NOUNS =
  'year|years|date|day|month|time|times|city|cities|town|country|countries|nation|place|places|state|kind|type|sort|name|person|people|number|amount|period';
const KIND_PHRASE = new RegExp(`^(?:what|which|how many|how much) (?:[\\p{L}\\p{N}-]+ ){0,2}?(${KIND_NOUNS})$`, 'u');

export function kindTermsOf(question: string): string[] {
  const words = tokenizeWords(question);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^(what|which|how)$/.test(words[i]!)) continue;
    for (let end = i + 1; end <= Math.min(words.length - 1, i + 4); end++) {
      const match = KIND_PHRASE.exec(words.slice(i, end + 1).join(' '));
      if (match) {
        out.push(...analyzeTerms(match[1]!));
        break;
      }
    }
  }
  return out;
}

const ASIDE = /\b(?:apart from|aside from|besides|other than|except for|except|excluding|in addition to)\s+([^,;?.!]+)/giu;

export function asideTermsOf(question: string): string[] {
  return [...question.matchAll(ASIDE)].flatMap((m) => analyzeTerms(m[1]!));
}

/**
 * Each answer type's question phrases. "when" asks for a date only as a question word: at the
 * start of a clause and followed by a verb ("When did…", "…, when was…"), or set apart
 * ("When, exactly, …", "Since when…?", "…since when?"). In "What happens when…" or "Who
 * fumbled when tackled…" it only joins clauses.
 */
const TYPE_PHRASES: Array<[AnswerType, RegExp]> = [
  ['date', /^when,|(?:^|[,;:] |\b(?:and|but|or) )when(?:['’]s\b| (?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|might|must|shall)\b)|\b(?:since|until|till) when\b|\bwhen$|\b(?:in )?(?:what|which) (?:year|date|day|month|decade|century|time)\b|\bhow long ago\b/],
  [
    'number',
    /\b(?:how (?:many|much|old|long|far|large|big|tall|high|fast)|what (?:percentage|percent|number|proportion|fraction|share)|what (?:is|was|are|were) the (?:\w+ )?(?:value|cost|price|amount|number|population|size|percentage|rate|total|sum|budget|toll))\b/,
  ],
  ['person', /\b(?:who|whom|whose|which (?:person|people))\b/],
  ['name', /^(?:which|what) (?:\w+ )?(?:team|company|group|organi[sz]ation|country|nation|city|state|band|artist|party|university|school|agency|ministry|newspaper|club|award|prize|river|language)s?\b/],
  // "In which…" asks where at the start of a clause ("In which stadium…", "…, in which city…") or
  // in place of the answer ("…was played in which stadium?"); inside a question it opens a
  // relative clause ("the final score of the game in which the Lakers…"), which asks nothing.
  ['place', /\b(?:where|(?:which|what) (?:city|country|place|town|region))\b|(?:^|[,;:] )in which\b|\bin which (?!(?:the|a|an|he|she|it|they|we|you|i|his|her|its|their|this|that|these|those)\b)[\p{L}\p{N}'’-]+(?: [\p{L}\p{N}'’-]+){0,2}$/u],
];

/**
 * The type asked for is the one whose question phrase comes first: "How many seconds were
 * left when…" asks for a number, "Who was the leader when…" for a person.
 */
export function answerTypeOf(question: string): AnswerType {
  const q = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s,;:'’-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let best: { type: AnswerType; at: number } = { type: 'other', at: Infinity };
  for (const [type, phrase] of TYPE_PHRASES) {
    const match = phrase.exec(q);
    if (match && match.index < best.at) best = { type, at: match.index };
  }
  return best.type;
}
