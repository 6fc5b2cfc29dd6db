import { analyzeTerms, casedWords } from '../../analyze/analyzeTerms.ts';
import { monthsInUrl, yearsInUrl } from './urlDates.ts';
import { describeEdition, editionsIn, editionValues, ordinalSuffix, type Edition } from './editions.ts';
import { describeMonth, monthsIn, monthsNamed, writesMonthOf, type PinnedMonth } from './months.ts';
import { partiesIn } from './parties.ts';
import { dateAffinity, monthRange, parseQuestionDates, type DateRange } from './questionDates.ts';
import { CALENDAR_WORD, CARDINAL_WORDS, countValue, NOT_NAMES, ORDINAL_WORDS, PERIOD_KINDS } from './questionWords.ts';

/**
 * What a question pins down besides its topic: a year ("in 2019"), a month of a year ("in May
 * 2023"), a period of a season or a reporting cycle ("the third quarter", "round 2", "the
 * second leg", "the 2014 edition"), an edition ("Super Bowl 50"), and the names it mentions
 * ("Apple", "Hurricane Ian"). An article on the right topic that does not report the pinned
 * year, month, period or name does not answer the question, however well its words match: the
 * commonest confident wrong answer in a news archive ("asked about the fourth quarter, it
 * quotes the third quarter's figure"). Pure; read by the abstention features.
 */
export interface QuestionConstraints {
  /** Four-digit years, as written ("2019"). */
  years: string[];
  /** Numbered periods and stages: "quarter 3", "round 2", "leg 2", in a normalised form. */
  periods: Period[];
  /** Numbered names: "Super Bowl 50", "the 88th Academy Awards", "iPhone 4" (editions.ts). */
  editions: Edition[];
  /** Months of a year written out: "in May 2023", "on July 3, 2024". */
  months: PinnedMonth[];
  /** Capitalised names past the question word, each as its analysed terms ("hurricane ian" → ['hurrican', 'ian']). */
  names: string[][];
  /** The same names as the question writes them ("Hurricane Ian"), in the same order. */
  namesWritten: string[];
  /** The words of those names no dictionary lists ("Federer"): who or what the question is about (parties.ts). */
  parties: string[];
}

export interface Period {
  /** The kind of period ("quarter", "round", "half"…), singular and lower-cased. */
  kind: string;
  /** Its number, as digits ("3"). */
  value: string;
}

const ORDINAL = `(?:${ORDINAL_WORDS.join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
const NUMBER = `(?:\\d{1,2}|${CARDINAL_WORDS.join('|')})`;
const ORDINAL_PERIOD = new RegExp(`\\b(${ORDINAL})[\\s-]+(${PERIOD_KINDS})s?\\b`, 'gi');
const PERIOD_NUMBER = new RegExp(`\\b(${PERIOD_KINDS})\\s+(${NUMBER})\\b`, 'gi');
const QUARTER_CODE = /\b(?:Q([1-4])|([12])H|H([12]))\b/g;
const YEAR = /\b(1[89]\d{2}|20\d{2})(?:s\b)?/g;

/**
 * `dates`: the question's dates, when the caller has parsed them already (analyzeQuestion.ts).
 * `isWord`: whether a dictionary lists a word (WordNet, through the index); without one no
 * name is taken for a party.
 */
export function questionConstraints(question: string, dates: readonly DateRange[] = parseQuestionDates(question), isWord: (word: string) => boolean = () => true): QuestionConstraints {
  const named = namedPhrases(question);
  return {
    years: yearsIn(question),
    periods: periodsIn(question),
    editions: editionsIn(question),
    months: monthsIn(dates, question),
    names: named.map((n) => n.terms),
    namesWritten: named.map((n) => n.written),
    parties: partiesIn(question, named.map((n) => n.written), isWord),
  };
}

/** The constraints without a name written so ("Got", a first word capitalised only for standing first). */
export function withoutName(constraints: QuestionConstraints, written: string | undefined): QuestionConstraints {
  if (written === undefined) return constraints;
  const kept = constraints.namesWritten.map((w, i) => [w, i] as const).filter(([w]) => w !== written).map(([, i]) => i);
  return { ...constraints, names: kept.map((i) => constraints.names[i]!), namesWritten: kept.map((i) => constraints.namesWritten[i]!) };
}

/** Four-digit years (not a decade like "1990s", which pins no single year). */
export function yearsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(YEAR)) if (!m[0].endsWith('s')) out.push(m[1]!);
  return [...new Set(out)];
}

/** Numbered periods in any of their spellings: "third quarter", "3rd quarter", "Q3", "round three", "round 3". */
export function periodsIn(text: string): Period[] {
  const out: Period[] = [];
  for (const m of text.matchAll(ORDINAL_PERIOD)) out.push({ kind: singular(m[2]!), value: String(countValue(m[1]!)) });
  for (const m of text.matchAll(PERIOD_NUMBER)) out.push({ kind: singular(m[1]!), value: String(countValue(m[2]!)) });
  for (const m of text.matchAll(QUARTER_CODE)) {
    if (m[1]) out.push({ kind: 'quarter', value: m[1] });
    else out.push({ kind: 'half', value: (m[2] ?? m[3])! });
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(`${p.kind}:${p.value}`) && !!seen.add(`${p.kind}:${p.value}`));
}

/**
 * Runs of capitalised words, minus question and function words (a question's first word is
 * capitalised anyway, and is usually one of them): "Who won the 2019 Tour de France?" → tour,
 * franc. Each name is kept as its analysed terms, so it is compared the way the index reads text.
 */
export function namesIn(question: string): string[][] {
  return namedPhrases(question).map((n) => n.terms);
}

/** Punctuation between names: "Apple, Google and Microsoft" names three. */
const NAME_BREAK = /[,;:!?()[\]"“”]/;

/** `namesIn`, each name also as written. */
function namedPhrases(question: string): Array<{ terms: string[]; written: string }> {
  const names: Array<{ terms: string[]; written: string }> = [];
  let run: string[] = [];
  const flush = () => {
    // Months and weekdays alone ("Tuesday, Sept. 12") are a date; inside a name they are part of it ("Black Friday").
    const terms = run.every((w) => CALENDAR_WORD.test(w)) ? [] : analyzeTerms(run.join(' '));
    if (terms.length > 0) names.push({ terms, written: run.join(' ') });
    run = [];
  };
  for (const part of question.split(NAME_BREAK)) {
    for (const word of casedWords(part)) {
      if (/^\p{Lu}/u.test(word) && !NOT_NAMES.has(word.toLowerCase())) run.push(word);
      else if (run.length > 0) flush();
    }
    if (run.length > 0) flush();
  }
  return names;
}

function singular(kind: string): string {
  const k = kind.toLowerCase();
  return k === 'innings' ? 'inning' : k.replace(/s$/, '');
}

/**
 * How an article stands to a question's pinned year and periods: each is reported (the
 * article names it, or, for a year, is dated in it), contradicted (the article names another
 * of the same kind and not this one: asked for "the fourth quarter", it reports the third), or
 * simply missing. In a news archive a year an undated article does not write counts half
 * (`UNDATED_YEAR_WEIGHT`): a report rarely writes its own year, so its silence, or an older
 * year it recalls ("since 2014"), says less when no date tells when it was written. Where no
 * article is dated (an encyclopaedia, `newsArchive` false) it counts in full: the text is all
 * there is.
 */
export interface ConstraintCheck {
  /** Pinned years, periods, editions and months the article does not report (an undated news report's years at half weight). */
  missing: number;
  /** Of those, the ones where it names another of the same kind (weighted alike). */
  contradicted: number;
  /** How many the question pins. */
  pinned: number;
}

/**
 * What a year an undated article does not write counts for. Fitted freely (one weight for
 * dated and one for undated articles, `npm run train`'s data), the undated weight came out
 * at 0.48 of the dated one (-0.82 against -1.71); half keeps one feature for both.
 */
export const UNDATED_YEAR_WEIGHT = 0.5;

/** `newsArchive`: whether most of the archive's articles are dated (`isNewsArchive`). */
export function checkConstraints(constraints: QuestionConstraints, article: ConstrainedArticle, newsArchive = true): ConstraintCheck {
  let missing = 0;
  let contradicted = 0;
  for (const j of judgeConstraints(constraints, article, newsArchive)) {
    if (j.reported) continue;
    missing += j.weight;
    if (j.contradicted) contradicted += j.weight;
  }
  return { missing, contradicted, pinned: constraints.years.length + constraints.periods.length + constraints.editions.length + constraints.months.length };
}

/**
 * The pinned years, periods, editions and months the article does not report, as a reader
 * would write them ("2019", "the fourth quarter", "May 2023"), years first: what a reply can
 * tell the user the archive lacks (explainMissing.ts). Judged as `checkConstraints` judges
 * them for the abstention model, so a reply names what the model weighed: `newsArchive` as there.
 */
export function unreportedConstraints(constraints: QuestionConstraints, article: ConstrainedArticle, newsArchive = true): string[] {
  return judgeConstraints(constraints, article, newsArchive)
    .filter((j) => !j.reported)
    .map((j) => j.label);
}

export interface ConstrainedArticle {
  text: string;
  title: string;
  date: string | null;
  /** Where it was published: a year its path gives ("/2011/11/…") is a year it reports. */
  url?: string | null;
}

interface Judgement {
  label: string;
  reported: boolean;
  /** The article names another of the same kind (another year, another quarter). */
  contradicted: boolean;
  /** What a miss counts for (`UNDATED_YEAR_WEIGHT` for a year of an undated article). */
  weight: number;
}

/** Each pinned year, period, edition and month, judged against the article's title, text and date. */
function judgeConstraints(constraints: QuestionConstraints, article: ConstrainedArticle, newsArchive: boolean): Judgement[] {
  const text = `${article.title}\n${article.text}`;
  const out: Judgement[] = [];
  // The years the article reports: those its text writes, the one it is dated in, and the
  // one its URL gives (many archives keep "/2011/11/" in the URL and lose the date).
  const years = constraints.years.length + constraints.months.length > 0 ? new Set([...yearsIn(text), ...yearsInUrl(article.url)]) : new Set<string>();
  if (article.date) years.add(article.date.slice(0, 4));
  const yearWeight = article.date || !newsArchive ? 1 : UNDATED_YEAR_WEIGHT;
  for (const year of constraints.years) out.push({ label: year, reported: years.has(year), contradicted: years.size > 0, weight: yearWeight });
  if (constraints.periods.length > 0) {
    const named = periodsIn(text);
    for (const p of constraints.periods) {
      const reported = named.some((n) => n.kind === p.kind && n.value === p.value);
      out.push({ label: describePeriod(p), reported, contradicted: named.some((n) => n.kind === p.kind), weight: 1 });
    }
  }
  for (const e of constraints.editions) {
    const named = editionValues(text, e.head, e.name);
    out.push({ label: describeEdition(e), reported: named.has(e.value), contradicted: named.size > 0, weight: 1 });
  }
  // The months its URL gives (an undated "/2011/11/…" report), as the first and last day of each.
  const urlMonths = constraints.months.length > 0 && !article.date ? monthsInUrl(article.url).map(monthDays) : [];
  for (const m of constraints.months) {
    // Where the year itself is not reported, that judgement already counts: the month adds
    // nothing. An undated news report cannot be placed in a month (its year counts half,
    // above) unless its URL gives one; where no article is dated (an encyclopaedia), the text
    // is all there is, as for years.
    if (!years.has(m.year) || (!article.date && newsArchive && urlMonths.length === 0)) continue;
    const named = monthsNamed(text);
    const writesIt = (named.has(m.month) && bareMonthMayBe(article.date, m)) || writesMonthOf(text, m.month, m.year);
    const published = article.date ? [article.date] : urlMonths.flat();
    const reported = published.some((day) => dateAffinity(day, [m.range]) === 1) || writesIt;
    out.push({ label: describeMonth(m), reported, contradicted: named.size > 0, weight: 1 });
  }
  return out;
}

/** The first and last day of a month a URL gives: an article published some day in it. */
function monthDays({ year, month }: { year: string; month: number }): [string, string] {
  const { from, to } = monthRange(`${year}-${month}`, Number(year), month, false);
  return [from, to];
}

/**
 * Whether a month an article names by name alone ("on July 3") can be the pinned one: in an
 * article of the question's year, yes; in one of the next year, a month later in the calendar
 * than its own is last year's ("since October 7" in a January report); otherwise it is a month
 * of its own year, and only the month written with the year ("July 3, 2023") counts.
 */
function bareMonthMayBe(date: string | null, pinned: PinnedMonth): boolean {
  if (!date) return false;
  const year = Number(date.slice(0, 4));
  return year === Number(pinned.year) || (year === Number(pinned.year) + 1 && pinned.month > Number(date.slice(5, 7)));
}

/** "the third quarter", "the 14th edition": a period as a sentence names it. */
export function describePeriod(p: Period): string {
  const n = Number(p.value);
  const ordinal = ORDINAL_WORDS[n - 1] ?? `${n}${ordinalSuffix(n)}`;
  return `the ${ordinal} ${p.kind}`;
}

