import { foldAccents, stemWord, tokenizeWords } from '../../analyze/analyzeTerms.ts';
import type { AnswerType } from '../question/analyzeQuestion.ts';
import type { AnswerDetail } from '../question/answerFocus.ts';
import { CALENDAR_WORD, MONTH_NAME, WEEKDAY_NAME } from '../question/questionWords.ts';

/**
 * Does a sentence contain something of the expected answer type that the question does not
 * already say? Surface cues, cheap enough for every candidate sentence. Pure.
 */
const DATE = new RegExp(
  [
    // a day or a span of days: "July 3", "July 25-28", "3 July", "25–28 July"
    `(?:${MONTH_NAME})\\.?\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?`,
    `\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+(?:${MONTH_NAME})`,
    `(?:${MONTH_NAME})`,
    // years and decades: 1990, 1990s, and earlier years after a preposition ("in 911", "c. 1180")
    `1[5-9]\\d{2}s?`,
    `20\\d{2}s?`,
    `[1-9]\\d{1,2}0s`,
    `(?:in|since|by|until|from|around|circa|c\\.)\\s+\\d{3,4}s?`,
    `\\d{1,2}(?:st|nd|rd|th)[\\s-]+(?:century|centuries)`,
    `\\d[\\d.,–-]*\\s+(?:(?:thousand|million|billion)\\s+)?(?:years|months|weeks|days)\\s+ago`,
    WEEKDAY_NAME,
    // a time of day: "5:51 p.m.", "10 a.m.", "11:30", "noon"
    '\\d{1,2}(?::\\d{2})?\\s*[ap]\\.?m',
    '\\d{1,2}:\\d{2}',
    'noon|midnight',
    'today|yesterday|tomorrow',
    '(?:last|next|this)\\s+(?:week|month|year)',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'gi',
);
const NUMBER_WORDS =
  '\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|first|second|third|half|single|none|hundreds|thousands|millions|billions|dozens';
const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORDS})$`, 'i');
const CAPITALISED = /(?<![.!?]\s|^)\b[A-Z][\p{L}'’-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\p{L}'’-]+)*/gu;
/** Two or more capitalised words, not after "the": Sergey Lavrov, President Putin, Dr S Jaishankar. */
const FULL_NAME = /(?<!\bthe\s)(?<!\bThe\s)\b(?!The\b)(?:[A-Z]\.|[A-Z][\p{L}'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’-]*))+/gu;
/**
 * A capitalised word after "in", "at", "from"…: a place, unless it is a month or a day ("in
 * May"); also after "the town of" and the like ("in the town of Larissa").
 */
const PLACE = /\b(?:in|at|from|to|near|across)\s+(?:the\s+)?(?:(?:town|city|village|port|province|county|district|region|state|island|capital)\s+of\s+)?[A-Z][\p{L}'’-]+/gu;
/** Whether the word a PLACE match ends on is a month or a day, read by its letters ("March" of "March's", "May" of "May-June"). */
const isCalendarWord = (found: string) => CALENDAR_WORD.test(/\p{L}+(?=\S*$)/u.exec(found)?.[0] ?? '');

/**
 * Where in the sentence (character offsets) something the pattern finds, and the question does
 * not say, starts. Accents are folded for the comparison only: "Zürich" is the question's own
 * "Zurich", not a new place.
 */
function mentionsAt(pattern: RegExp, sentence: string, question: string, unless: (found: string) => boolean = () => false): number[] {
  const q = foldAccents(question.toLowerCase());
  const at: number[] = [];
  for (const match of sentence.matchAll(pattern)) {
    const found = match[0].toLowerCase().replace(/^(in|at|from|to|near|across)\s+(the\s+)?(\p{L}+\s+of\s+)?/u, '');
    if (!q.includes(foldAccents(found)) && !unless(match[0])) at.push(match.index + match[0].length - found.length);
  }
  return at;
}

const FIGURE_TOKEN = new RegExp(`\\b(?:${NUMBER_WORDS})\\b`, 'gi');

/**
 * Where the candidate answers of a type start in a sentence (character offsets): the dates,
 * figures, names or places it holds that the question does not already say. What
 * `hasAnswerCue` tests for, located, so a feature can ask how close the answer sits to the
 * question's words ("met … on the sidelines … in Vientiane" answers "Where did they meet on
 * the sidelines", "Embassy in India stated they met" less so).
 */
export function answerOffsets(type: AnswerType, sentence: string, question: string, isPlace?: (name: string) => boolean): number[] {
  switch (type) {
    case 'date':
      return mentionsAt(DATE, sentence, question);
    case 'number':
      return mentionsAt(FIGURE_TOKEN, withoutDates(sentence), question);
    case 'person':
      return mentionsAt(FULL_NAME, sentence, question, isPlace && ((name) => namesAPlace(name, isPlace)));
    case 'name':
      return mentionsAt(CAPITALISED, sentence, question);
    case 'place':
      return mentionsAt(PLACE, sentence, question, isCalendarWord);
    default:
      return [];
  }
}

/**
 * `isPlace` says whether a word or phrase names a place (WordNet, via the index). Without it,
 * any two capitalised words pass for a person.
 */
export function hasAnswerCue(type: AnswerType, sentence: string, question: string, isPlace?: (name: string) => boolean): boolean {
  return typedAnswers(type, sentence, question, isPlace).cue;
}

/**
 * `hasAnswerCue` and `answerOffsets` in one pass over the sentence, as the ranker's features
 * need both for every candidate: a date, name or place is a cue exactly when one is found (a
 * "New Delhi emphasized…" has two capitalised words but no person: "Who…?" is not answered by
 * a city); a figure is one only when it counts what is asked (`countsWhatIsAsked`).
 */
export function typedAnswers(type: AnswerType, sentence: string, question: string, isPlace?: (name: string) => boolean): { cue: boolean; offsets: number[] } {
  const offsets = answerOffsets(type, sentence, question, isPlace);
  return { cue: type === 'number' ? countsWhatIsAsked(sentence, question) : offsets.length > 0, offsets };
}

/** A place as a whole ("New Delhi") or place by place ("Laos' Vientiane"). */
function namesAPlace(name: string, isPlace: (name: string) => boolean): boolean {
  const words = name.split(/\s+/).map((w) => w.replace(/['’]s?$/, ''));
  return isPlace(words.join(' ')) || words.every((w) => isPlace(w));
}

/**
 * Each word of each date becomes a placeholder of its length ("July 3" → "xxxx x"), so word
 * positions and character offsets stay, and a date's digits are no figure.
 */
function withoutDates(sentence: string): string {
  return sentence.replace(DATE, (date) => date.replace(/[\p{L}\p{N}]+/gu, (word) => 'x'.repeat(word.length)));
}

/** A figure starts with a digit ("340", "7th", "11-year"); "G20" or "Su-57" are names. */
const FIGURE = /^\d/;
/** Words that end the counted noun phrase of "how many …": "How many Indian nationals *are* …". */
const PHRASE_END = /^(are|is|was|were|did|do|does|has|have|had|will|would|can|could|should|in|of|at|on|for|to|from|by|with|the|a|an)$/;
/** A number word counts the noun that follows it within this many words ("forty Indian nationals"). */
const COUNT_REACH = 3;

/**
 * A figure, or a number word counting the thing asked about: "How many times…?" is answered
 * by "six times" or "7th meeting" but not by "the two leaders" (that counts leaders). Digits
 * inside a date ("July 3", "in 2024") are not the quantity asked for, unless they count the
 * thing asked about ("2000 guests"). "How long", "how old", "how much" take any figure, and
 * "how long" a date bounding a span too ("since 1951", not "on Thursday").
 */
function countsWhatIsAsked(sentence: string, question: string): boolean {
  if (/\bhow long\b/i.test(question)) return datesASpan(sentence, question) || measuresALength(sentence, question);
  const { counts, said } = readQuestion(question);
  const fresh = (t: string) => !said.has(t);
  const undated = tokenizeWords(withoutDates(sentence));
  if (undated.some((t) => fresh(t) && FIGURE.test(t))) return true;
  if (/\bhow many times\b/i.test(question) && undated.some((t) => /^(once|twice|thrice)$/.test(t))) return true;
  const figure = (t: string) => fresh(t) && (FIGURE.test(t) || NUMBER_WORD.test(t));
  if (undated.some((t, i) => figure(t) && (!counts || counts(undated, i + 1)))) return true;
  // A year-like figure right before the thing counted is a count after all: "2000 guests".
  const tokens = tokenizeWords(sentence);
  return !!counts && tokens.some((t, i) => fresh(t) && FIGURE.test(t) && counts(tokens, i + 1, 1));
}

/**
 * "How many times…?" answered by "six times", "How many days…?" by "a five-day visit": a
 * number right before the very thing counted. A plainer sign than any figure in the sentence
 * (`countsWhatIsAsked`, which also takes a figure whose noun it cannot see).
 */
export function countsTheAskedThing(sentence: string, question: string): boolean {
  const { counts, said } = readQuestion(question);
  if (!counts) return false;
  const tokens = tokenizeWords(withoutDates(sentence).replace(/-/g, ' '));
  return tokens.some((t, i) => !said.has(t) && (FIGURE.test(t) || NUMBER_WORD.test(t)) && counts(tokens, i + 1));
}

/** Units a "how long" answer is counted in: of time ("a five-day visit", "one hour and a half") or of length. */
const LENGTH_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|yards?|inches|inch|cm|mm)$/;
/** How far after its figure a unit may come: "one and a half hours", "5,000 square km". */
const UNIT_REACH = 3;

/** "the nineteenth century", "a third year": an ordinal counts out a span by its unit too. */
const ORDINAL = /^(?:first|second|third|\p{L}+th)$/u;

/**
 * "How long" is answered by a length: a figure in digits ("28 days", "340 km"), or a number
 * word, ordinal or "a" with a unit of time or length after it ("a five-day visit", "one hour
 * and a half", "well into the nineteenth century", "a week-long event"). A number word counting
 * something else ("several agreements") is no length, nor is a date.
 */
function measuresALength(sentence: string, question: string): boolean {
  const { said } = readQuestion(question);
  // A date's words and digits are no length ("in 2024", "on Friday"); a span of dates is read above.
  const tokens = tokenizeWords(withoutDates(sentence));
  const unitAfter = (i: number) => tokens.slice(i + 1, i + 1 + UNIT_REACH).some((u) => LENGTH_UNIT.test(u));
  return tokens.some(
    (t, i) =>
      !said.has(t) &&
      (FIGURE.test(t) || ((NUMBER_WORD.test(t) || ORDINAL.test(t)) && unitAfter(i)) || ((t === 'a' || t === 'an') && LENGTH_UNIT.test(tokens[i + 1] ?? '') && tokens[i + 2] === 'long')),
  );
}

const SPAN_BOUND = 'since|until|till|from|between|by|through|throughout';
const SPAN_START = new RegExp(`^(?:${SPAN_BOUND})\\s`, 'i');
const SPAN_BEFORE = new RegExp(`\\b(?:${SPAN_BOUND})(?:\\s+[\\p{L}]+){0,4}[\\s-]+$`, 'iu');

/** A date that bounds a span ("since 1951", "until 1796"): an answer to "how long", where "on Thursday" is not. */
function datesASpan(sentence: string, question: string): boolean {
  const q = question.toLowerCase();
  for (const match of sentence.matchAll(DATE)) {
    // The bound may stand a few words before the date: "since at least the mid-14th century", "by 2100".
    const bounds = SPAN_START.test(match[0]) || SPAN_BEFORE.test(sentence.slice(0, match.index));
    if (bounds && !q.includes(match[0].toLowerCase())) return true;
  }
  return false;
}

/** What the figure cues read of the question: its words and what "how many …" counts. */
interface QuestionReading {
  question: string;
  said: ReadonlySet<string>;
  counts: ReturnType<typeof countedNoun>;
}

/** The features ask about fifty sentences in a row with one question: its reading is kept. */
let lastReading: QuestionReading | undefined;

function readQuestion(question: string): QuestionReading {
  if (lastReading?.question !== question) lastReading = { question, said: new Set(tokenizeWords(question)), counts: countedNoun(question) };
  return lastReading;
}

/**
 * What "how many …" counts, as a test on the words after a number: the noun phrase ends at the
 * first function word ("How many Indian nationals *are*…"); its last word may come a few words
 * on ("forty Indian nationals"), its first only right away ("two atoms" for "How many atoms
 * combine…", where no function word ends the phrase before the verb).
 */
function countedNoun(question: string): ((tokens: string[], at: number, reach?: number) => boolean) | undefined {
  const asked = /\bhow many\s+([\p{L}\s'’-]+)/iu.exec(question);
  const words = asked ? tokenizeWords(asked[1]!) : [];
  const end = words.findIndex((w) => PHRASE_END.test(w));
  const phrase = end === -1 ? words : words.slice(0, end);
  if (phrase.length === 0) return undefined;
  const first = stemWord(phrase[0]!);
  const last = stemWord(phrase.at(-1)!);
  return (tokens, at, reach = COUNT_REACH) =>
    (tokens[at] !== undefined && stemWord(tokens[at]) === first) || tokens.slice(at, at + reach).some((t) => stemWord(t) === last);
}

const PERCENT = /\d(?:[\d,.]*\d)?\s?(?:%|per ?cent\b|percentage points?\b)/gi;
const MONEY = /[$£€¥₹]\s?\d|\b(?:US|A|C|NZ|HK|S)\$\s?\d|\b\d[\d,.]*\s?(?:(?:thousand|million|billion|trillion|bn|m)\s+)?(?:dollars|euros|pounds|yen|yuan|rupees|francs|crore|lakh)\b/gi;
const YEAR_ALONE = /\b(?:1[5-9]\d{2}|20\d{2})\b/g;
/**
 * A figure in digits or words, as a measure starts: "125", "1,500", "two", "half". Digits start
 * a figure only where no digit, comma or point stands before them, so a long run of "1,1,1…"
 * is read once, not from each of its commas.
 */
const MEASURE_FIGURE = String.raw`(?:(?<![\d.,])\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|half)(?:[\s-]+(?:and a half|thousand|million|billion))?`;
/** A figure and its unit, joined by a space, a hyphen or nothing ("260 feet", "10.16-centimetre", "10kg"). */
const measured = (unit: string) => new RegExp(String.raw`\b${MEASURE_FIGURE}[\s-]*(?:${unit})\b`, 'gi');
const SPEED = measured(String.raw`mph|km\/h|kmh|kph|knots|(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?)\s+(?:an|a|per)\s+(?:hour|second)`);
const LENGTH = measured(String.raw`km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|ft|yards?|inch(?:es)?|cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?|light[\s-]years?`);
const WEIGHT = measured(String.raw`kg|kilos?|kilogram(?:me)?s?|tonnes?|tons?|pounds|lbs?|grams?|ounces?`);
/**
 * An age: "aged 61", "a 27-year-old", "61 years old", "at the age of seven", "Glenn, 77,", "was
 * 61 when", "turned 80", "500 million years ago", "graves dating to 1338". Read with its dates,
 * as a thing's age is often one. "was 3.5 percent" and "was 1,200" are no age: the figure after
 * "was" must end there.
 */
const AGE = new RegExp(
  String.raw`\baged?\s+${MEASURE_FIGURE}|\b${MEASURE_FIGURE}[\s-]+(?:years?|months?)[\s-]+old\b|\bage\s+of\s+${MEASURE_FIGURE}|,\s\d{1,3},(?!\d)|\bturned\s+\d{1,3}\b(?![.,]\d)|\b(?:was|is|were|at)\s+\d{1,3}(?=\s+when\b|[,.;](?!\d)|$)|\b${MEASURE_FIGURE}\s+(?:(?:million|billion|thousand)\s+)?years\s+(?:ago|old)\b|\bdat(?:ing|es|ed)\s+(?:back\s+)?(?:to|from)\s+(?:the\s+)?\d`,
  'gi',
);
/**
 * A scoreline ("3-0", "113-107", "passed by 218-214"): not a span of days ("July 23-24"), a range
 * of a figure with decimals or a percentage ("3.5-4.0 percent", "10-15 percent"), nor part of a
 * numeric date ("12-05-2023").
 */
const SCORELINE = new RegExp(String.raw`(?<!\b(?:${MONTH_NAME})\.?\s+)(?<![\w.,–-])\d{1,3}\s*[-–]\s*\d{1,3}\b(?![.,]?\d|[-–]\w|\s*(?:%|per ?cent))`, 'gi');
/** A margin in what the game counts ("by six wickets", "by 150 votes", "4 minutes, 35 seconds"). */
const MARGIN = new RegExp(String.raw`\b${MEASURE_FIGURE}[\s-]+(?:points?|goals?|runs?|wickets?|votes?|seconds?|minutes?|strokes?|lengths?|shots?|seats?|tries)\b`, 'gi');

/**
 * The shapes one or two patterns find in the sentence as written: a percentage for "what
 * share…", money for "how much did it cost…", a year for "in what year…", a figure with its
 * unit for "how fast / far / heavy / old…", a scoreline or margin for "what was the score". A
 * unit or a sign rules out a date ("around 300 feet", "1800 feet tall", which `withoutDates`
 * would take for years).
 */
const SHAPES: Record<Exclude<AnswerDetail, 'count' | 'duration'>, readonly RegExp[]> = {
  percent: [PERCENT],
  money: [MONEY],
  year: [YEAR_ALONE],
  speed: [SPEED],
  length: [LENGTH],
  weight: [WEIGHT],
  age: [AGE],
  score: [SCORELINE, MARGIN],
};

/**
 * Whether a sentence holds a figure of the finer shape asked for (`SHAPES`), or a count
 * ("how many") or a length ("how long") as `hasAnswerCue` reads them. The figure must not be
 * one the question gives.
 */
export function hasDetailCue(detail: AnswerDetail, sentence: string, question: string): boolean {
  if (detail === 'count') return countsTheAskedThing(sentence, question);
  if (detail === 'duration') return measuresALength(sentence, question) || datesASpan(sentence, question);
  return SHAPES[detail].some((pattern) => freshMatch(pattern, sentence, question));
}

/** `pattern` is global (`matchAll` copies it, so its `lastIndex` is never shared). */
function freshMatch(pattern: RegExp, sentence: string, question: string): boolean {
  const q = question.toLowerCase();
  for (const m of sentence.matchAll(pattern)) if (!q.includes(m[0].toLowerCase())) return true;
  return false;
}
