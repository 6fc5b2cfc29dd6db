import { casedWords, tokenizeWords } from '../../analyze/analyzeTerms.ts';

/**
 * The noun a "which …" or "what …" question asks for ("Which *manager* steered…", "In which
 * Montana *town*…", "What *share* of the vote…") says what kind of thing answers it. Its kind
 * comes from WordNet (`kindOf`), not from a list: a manager, an astronaut and a judge are all
 * filed under person, a town and a stadium under location or structure. Pure, given `kindOf`.
 */
export type KindOf = (word: string, kind: string) => boolean;

/** What kind of thing a question asks for; extraction prefers sentences that contain one. */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'name' | 'other';

/** WordNet kinds that decide an answer type, tried in this order for each focus word. */
const KINDS: Array<[AnswerType, string[]]> = [
  ['person', ['person']],
  ['date', ['time period', 'time unit', 'calendar month', 'calendar day', 'day of the week']],
  ['place', ['location', 'structure', 'facility', 'geological formation', 'body of water', 'land']],
  ['number', ['measure', 'quantity', 'amount', 'number']],
  ['name', ['organization', 'social group', 'group', 'artifact', 'event', 'creation', 'work']],
];

/** Words that end the focus phrase: the question's verb or a preposition comes next. */
const PHRASE_END = new Set('is are was were be been do does did has have had will would can could should may might must shall of in on at to for from by with about as that who which whose'.split(' '));
/** Words after "which/what" that name no kind of thing ("what else", "what kind of"). */
const EMPTY = new Set('kind sort type else exactly one ones other the a an'.split(' '));

/** Lower-cased words after the question's "which" or "what" (up to three), before its verb or a preposition. */
export function focusWords(question: string): string[] {
  const words = tokenizeWords(question);
  const cased = casedWords(question);
  // "What is the name of the resort…": the kind is what follows "name of".
  const named = words.findIndex((w, i) => w === 'name' && words[i + 1] === 'of');
  const at = named >= 0 ? named + 1 : words.findIndex((w) => w === 'which' || w === 'what');
  const from = named >= 0 ? at + 1 : at;
  if (at === -1) return [];
  const out: string[] = [];
  for (let i = from + 1; i < Math.min(words.length, from + 5) && out.length < 3; i++) {
    const word = words[i]!;
    if (PHRASE_END.has(word)) break;
    // A capitalised word after "which" names the topic ("Which NASA astronaut"), not the kind asked for.
    if (/^\p{Lu}/u.test(cased[i] ?? '') || EMPTY.has(word) || /^\d/.test(word)) continue;
    out.push(word);
  }
  return out;
}

/** The answer type the focus noun's kind implies, judged on its last word first (the head of "former president"). */
export function typeOfFocus(words: readonly string[], kindOf: KindOf): AnswerType | undefined {
  for (const word of [...words].reverse()) {
    for (const [type, kinds] of KINDS) if (kinds.some((kind) => kindOf(word, kind))) return type;
  }
  return undefined;
}

/** A finer reading of a number or date question: what shape the figure has. */
export type AnswerDetail = 'percent' | 'money' | 'speed' | 'length' | 'weight' | 'age' | 'score' | 'count' | 'duration' | 'year';

/**
 * "What (was the) … <noun>" where the noun is the thing asked: "What was the final score of…",
 * "What's the score?", "At what speed did…", "What was the team's score?".
 */
function askedNoun(nouns: string): string {
  return String.raw`\b(?:what|which)(?:['’]s| (?:is|was|are|were) (?:the|its|their|his|her))? (?:[\w'’-]+ ){0,2}(?:${nouns})(?=\s+(?:of|for|in|at|on|to|by|between|against|after|before|when|that|did|does|do|was|is|were|are|has|had|have|can|could|will|would|\w+ed)\b|\s*[?,.]|\s*$)`;
}

const DETAILS: Array<[AnswerDetail, RegExp]> = [
  ['percent', /\b(?:what|which) (?:\w+ )?(?:percentage|percent|share|proportion|fraction|rate)\b|\bby how much\b.*\b(?:rise|fall|grow|drop|increase|decrease)|\bhow many per ?cent\b/i],
  // "How much" asks for money before a word for a sum ("net profit", "per share") or a verb of
  // paying, earning or losing; "How much rain fell" and "How much did prices rise" do not.
  ['money', /\bhow much (?:money|(?:[\w-]+ ){0,2}?(?:profits?|income|revenues?|sales|cash|funding|aid|debt|taxe?s?|duties|compensation|damages|fines?|salary|bonus|earnings|loss|losses|investment|per share)|(?:did|does|do|will|would|could|has|have|had|is|was|were|are) .* (?:cost|pay|paid|earn|raise|make|spend|sell for|sold for|worth|lose|invest|owe|borrow|charge))\b|\b(?:what|how much) (?:was|is|were|are) (?:the|its|their) (?:\w+ )?(?:revenue|revenues|sales|profit|profits|income|loss|losses|cost|price|budget|value|earnings|fine|salary|fee|deal|bill)\b/i],
  // Measures answered by a figure with its unit ("125 miles an hour", "260 feet", "aged 61",
  // "won 12-11"). "How high" is left out: it asks for rates and prices as often as heights. The
  // measure's noun must be what is asked, not a modifier ("Which speed skater…", "What weight
  // class…", "What age group…"): a preposition, a verb or the end comes next ("the distance
  // walked by…").
  ['speed', new RegExp(String.raw`\bhow fast\b|${askedNoun('speed')}`, 'i')],
  ['length', new RegExp(String.raw`\bhow (?:far|wide|deep|tall)\b|${askedNoun('distance|height|depth|width|length|altitude|elevation|diameter')}`, 'i')],
  ['weight', new RegExp(String.raw`\bhow heavy\b|${askedNoun('weight|mass')}|\bhow much (?:did|does|do) .* weigh\b`, 'i')],
  ['age', new RegExp(String.raw`\bhow old\b|${askedNoun('age')}`, 'i')],
  ['score', new RegExp(String.raw`${askedNoun('score|scoreline|margin')}|\bby how much did .* (?:win|lose|lost|beat|lead)\b`, 'i')],
  ['duration', /\bhow long\b(?! ago)/i],
  ['count', /\bhow many\b/i],
  ['year', /\b(?:what|which|in what|in which) year\b/i],
];

export function answerDetailOf(question: string): AnswerDetail | undefined {
  for (const [detail, pattern] of DETAILS) if (pattern.test(question)) return detail;
  return undefined;
}
