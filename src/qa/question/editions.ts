import { analyzeTerms } from '../../analyze/analyzeTerms.ts';
import { CALENDAR_WORD, CARDINAL_WORDS, countValue, NOT_NAMES, ORDINAL_WORDS, PERIOD_KINDS } from './questionWords.ts';

/**
 * Numbered names: "Super Bowl 50", "the 88th Academy Awards", "iPhone 4", "Louis XIV",
 * "Apollo 13". A number that names one of a series pins the question as a year does: the article
 * about Super Bowl 49 or the 87th Academy Awards is on the right topic and does not answer
 * it. News is full of them (editions of a festival or summit, models of a phone or a plane,
 * missions, flights), and a near miss on one reads like an answer. Pure.
 */
export interface Edition {
  /** The name's head, analysed ("bowl", "award", "iphon"): what another mention is matched on. */
  head: string;
  /** The series' name as written ("Super Bowl", "Academy Awards", "PlayStation"): its short forms are made from it. */
  name: string;
  /** Its number, as digits ("50"). */
  value: string;
  /** As the text writes it ("Super Bowl 50", "88th Academy Awards"). */
  written: string;
}

/** The words as alternatives, each with its first letter in either case ("first" or "First"). */
function eitherCase(words: readonly string[]): string {
  return words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|');
}

/** "first" or "First": the name after it is capitalised, so the ordinal may be too. */
const ORDINAL_WORD = eitherCase(ORDINAL_WORDS);
/** A word of a name: capitalised ("Bowl"), or a brand with a capital inside ("iPhone", "eBay"). */
const NAME_WORD = `(?:\\p{Lu}[\\p{L}'’.&-]*|\\p{Ll}+\\p{Lu}[\\p{L}]*)`;
const NAME = `${NAME_WORD}(?:[ \\t]+${NAME_WORD})*`;
/** In a question a numeral has two letters at least: "Can I…" is no edition of "Can". */
const ROMAN = '[IVXL]{2,7}';
/** Not a score, a time, a decimal or a share: "Brazil 3-0", "Flight 9:30", "Apple 2.5%". */
const NOT_A_MEASURE = '(?![-–:.,/]\\d)(?!\\s*(?:%|per ?cent\\b))';

/** "the 88th Academy Awards", "the First World War". */
const ORDINAL_NAME = new RegExp(`\\b(\\d{1,3}(?:st|nd|rd|th)|${ORDINAL_WORD})[ \\t]+(${NAME})`, 'gu');
/** "Super Bowl 50", "Apollo 13", "iPhone 4", "Louis XIV", "World War II". */
const NAME_NUMBER = new RegExp(`(${NAME})[ \\t]+(\\d{1,3}|${ROMAN})\\b${NOT_A_MEASURE}`, 'gu');

/**
 * No series: periods, which constraints.ts reads ("Game 7", "Round 2"), quarter and half codes
 * ("Q3", "H1"); months and weekdays begin dates ("July 26", `notASeries`).
 */
const NOT_A_SERIES = new RegExp(`^(?:${PERIOD_KINDS}|q|h)$`, 'i');

export function editionsIn(text: string): Edition[] {
  const out: Edition[] = [];
  /** `match` names `name` numbered `value`; its name comes first, or after an ordinal. */
  const add = (match: string, name: string, value: number, nameFirst: boolean) => {
    // "In Super Bowl 50", "Before Super Bowl 50": the question's own words are no part of the name.
    const kept = withoutLeadingQuestionWords(name);
    if (!kept || (!nameFirst && kept !== name) || !Number.isFinite(value) || value < 1) return;
    const words = kept.split(/\s+/);
    const last = words.at(-1)!;
    // A possessive counts something of its owner ("California's 22 counties"): it numbers no
    // series. Nor does an acronym: "PGE 2", "CD 4" and "HOXB4" name molecules, not editions.
    if (notASeries(words[0]!) || notASeries(last) || /['’]s?$/.test(last) || !/\p{Ll}/u.test(last)) return;
    out.push({ head: headOf(last), name: kept, value: String(value), written: nameFirst ? match.slice(name.length - kept.length) : match });
  };
  for (const m of text.matchAll(ORDINAL_NAME)) {
    // "the first Indian astronaut" counts people, "the First World War" a series: a word
    // ordinal takes a name of two words or more.
    if (/^\p{L}/u.test(m[1]!) && !/\s/.test(m[2]!)) continue;
    add(m[0], m[2]!, countValue(m[1]!), false);
  }
  for (const m of text.matchAll(NAME_NUMBER)) add(m[0], m[1]!, numberValue(m[2]!), true);
  const seen = new Set<string>();
  return out.filter((e) => !seen.has(`${e.head}:${e.value}`) && !!seen.add(`${e.head}:${e.value}`));
}

/** "In Super Bowl" → "Super Bowl"; '' when only question words are left. */
function withoutLeadingQuestionWords(name: string): string {
  let rest = name;
  for (let word = /^(\S+)\s+/.exec(rest); word && NOT_NAMES.has(word[1]!.toLowerCase()); word = /^(\S+)\s+/.exec(rest)) rest = rest.slice(word[0].length);
  return NOT_NAMES.has(rest.toLowerCase()) ? '' : rest;
}

/** "the 88th Academy Awards", "Super Bowl 50": an edition as a sentence names it. */
export function describeEdition(edition: Edition): string {
  return new RegExp(`^(?:\\d|${ORDINAL_WORD})`, 'u').test(edition.written) ? `the ${edition.written}` : edition.written;
}

function notASeries(word: string): boolean {
  return NOT_A_SERIES.test(word) || CALENDAR_WORD.test(word);
}

const CARDINAL_WORD = eitherCase(CARDINAL_WORDS);
/**
 * In an article, a number of the very series asked about may be one Roman letter ("Super Bowl
 * L") or a word ("Formula One" for "Formula 1"): the head word vouches for it.
 */
const SERIES_NUMBER = `(?:\\d{1,3}|[IVXL]{1,7}|${CARDINAL_WORD})\\b${NOT_A_MEASURE}`;
const NUMBER_LIST = `${SERIES_NUMBER}(?:(?:,|,? and|,? or|,? &)[ \\t]+${SERIES_NUMBER})*`;

/**
 * The numbers a text gives the series `head` names, however it writes them: "Super Bowl 50",
 * "the 50th Super Bowl", "super bowl L" (an article lower-cases what a question capitalises,
 * "article 34" for "Article 34"), and lists ("Super Bowls XXI and XXIV", "Articles 101, 102
 * and 106"). Given the series' `name`, its short forms count too: "WWII" and "WW2" for
 * "World War II", "PS5" for "PlayStation 5", "Prop 8" for "Proposition 8", "Art. 5" for
 * "Article 5". What an article reports of a question's edition.
 */
export function editionValues(text: string, head: string, name = ''): Set<string> {
  const out = new Set<string>();
  // Only words that may stem to the head are looked at: the scan runs over whole articles.
  const word = `(?<![\\p{L}])(${startOf(head)}[\\p{L}'’.&]*)`;
  const isHead = (w: string) => headOf(w) === head;
  for (const m of text.matchAll(new RegExp(`${word}(?:[ \\t]+|-)?(${NUMBER_LIST})`, 'gu'))) {
    if (!isHead(m[1]!)) continue;
    for (const written of m[2]!.match(new RegExp(`\\d+|[IVXL]+\\b|${CARDINAL_WORD}`, 'g')) ?? []) {
      const value = numberValue(written);
      if (Number.isFinite(value) && value >= 1) out.add(String(value));
    }
  }
  const ordinalBefore = new RegExp(`\\b(\\d{1,3}(?:st|nd|rd|th)|${ORDINAL_WORD})(?:[ \\t]+[\\p{L}'’-]+){0,2}?[ \\t]+${word}`, 'gu');
  for (const m of text.matchAll(ordinalBefore)) if (isHead(m[2]!)) out.add(String(countValue(m[1]!)));
  for (const pattern of shortForms(name)) {
    for (const m of text.matchAll(pattern)) {
      const value = numberValue(m[1]!);
      if (Number.isFinite(value) && value >= 1) out.add(String(value));
    }
  }
  return out;
}

/**
 * How an article may shorten a series' name before its number, as patterns capturing the
 * number: its initials, two letters or more, written in capitals ("WWII", "WW 2", "PS5"; a
 * single letter, "A13" for "Apollo 13", would name a road as often), and a clipped last word
 * ("Prop 8"; three letters only with a full stop: "Art. 5", "Sec. 230").
 */
function shortForms(name: string): RegExp[] {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const out: RegExp[] = [];
  // A word's capitals: its first letter, and each that follows a small letter ("PlayStation" → PS).
  const initials = words.map((w) => w[0]! + [...w.matchAll(/(?<=\p{Ll})\p{Lu}/gu)].map((m) => m[0]).join('')).join('');
  if (initials.length >= 2) out.push(new RegExp(`(?<![\\p{L}\\d])${escape(initials)}[ -]?(\\d{1,3}|[IVXL]{1,7})(?![\\p{L}\\d])`, 'gu'));
  const last = name.split(/\s+/).at(-1) ?? '';
  if (/^\p{L}{5,}$/u.test(last)) {
    // "Prop", "Propo"… with or without a full stop; "Art." only with one.
    const rests = [`${escape(last.slice(1, 3))}\\.`];
    for (let n = 4; n < last.length; n++) rests.push(`${escape(last.slice(1, n))}\\.?`);
    const first = `[${last[0]!.toLowerCase()}${last[0]!.toUpperCase()}]`;
    out.push(new RegExp(`(?<![\\p{L}])${first}(?:${rests.join('|')})[ \\t]*(\\d{1,3})\\b${NOT_A_MEASURE}`, 'gu'));
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for how a word stemming to `head` begins, in either case: the stem less its last
 * letter, which a stemmer may have changed ("happi" for "happy").
 */
function startOf(head: string): string {
  const start = head.length > 2 ? head.slice(0, -1) : head;
  return [...start].map((c) => (/\p{L}/u.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
}

/**
 * The same numbered name with another number, written the way it was: "Super Bowl 50" →
 * "Super Bowl 51", "Super Bowl XLIX" → "Super Bowl L", "the 88th Academy Awards" → "the 89th
 * Academy Awards", "the First World War" → "the Second World War", "Apollo 13" → "Apollo 14".
 * Undefined when the number cannot be written so (an ordinal word past "twelfth").
 */
export function renumberEdition(written: string, value: number): string | undefined {
  const ordinal = /\b(\d{1,3})(st|nd|rd|th)\b/.exec(written);
  if (ordinal) return written.replace(ordinal[0], `${value}${ordinalSuffix(value)}`);
  const word = new RegExp(`\\b(${ORDINAL_WORD})\\b`, 'u').exec(written);
  if (word) {
    const replacement = ORDINAL_WORDS[value - 1];
    if (!replacement) return undefined;
    return written.replace(word[0], /^\p{Lu}/u.test(word[0]) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement);
  }
  const number = /(\d{1,4}|[IVXL]{2,7})$/.exec(written);
  if (!number) return undefined;
  const renumbered = /^\d/.test(number[1]!) ? String(value) : toRoman(value);
  return written.slice(0, number.index) + renumbered;
}

/** "st" for 1 and 21, "th" for 11 and 14. */
export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The word a series is matched on, analysed as the index reads it ("Bowls" → bowl), or as it is when the analyser drops it. */
function headOf(word: string): string {
  return analyzeTerms(word).at(-1) ?? word.toLowerCase();
}

/** A number as a name writes it: digits, a word ("Formula One") or a Roman numeral ("Super Bowl XLIX"). */
function numberValue(written: string): number {
  if (/^\d/.test(written)) return Number(written);
  const counted = countValue(written);
  return Number.isNaN(counted) ? romanValue(written) : counted;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** A Roman numeral written the canonical way ("XIV" → 14), or NaN ("IIII", "VX"). */
export function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_DIGITS[numeral[i]!]!;
    const next = ROMAN_DIGITS[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === numeral ? total : NaN;
}

function toRoman(n: number): string {
  const steps: Array<[number, string]> = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of steps) while (n >= value) (out += numeral), (n -= value);
  return out;
}
