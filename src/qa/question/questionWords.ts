/**
 * Word classes the question readers share (constraints.ts, editions.ts): which capitalised
 * words are no name, which words count periods, which are calendar words. English grammar and
 * the calendar, not any archive's vocabulary.
 */

/** Words that open or join a question and are capitalised for that reason only ("What", "In", "Under"). */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  'what who whom whose when where which why how did does do is was were are has have had can could will would should may might must shall in on at for the a an according after before during besides since from of by to and or but if as with about into than this that these those there it its within under over around between against without near until along across despite'.split(
    ' ',
  ),
);

/** Periods a season, a contest or a reporting year is counted in ("the third quarter", "round 2"). */
export const PERIOD_KINDS = 'quarter|half|round|stage|leg|game|match|set|test|race|heat|inning|innings|term|phase|wave|edition|season|week|day|episode|series|period';

/** A month's name in full or cut short ("Sept"), as a pattern to match without regard to case. */
export const MONTH_NAME = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A day of the week, as a pattern to match without regard to case. */
export const WEEKDAY_NAME = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';

/**
 * Calendar words: capitalised, but a date, not a name ("in September 2024"); questionDates.ts
 * reads them, and an archive knows its months from its articles' dates, seldom from their text.
 */
export const CALENDAR_WORD = new RegExp(`^(?:${MONTH_NAME}|${WEEKDAY_NAME})\\.?$`, 'i');

/** Ordinal words a period or an edition is counted in ("the third quarter", "the First World War"). */
export const ORDINAL_WORDS: readonly string[] = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** Cardinal words a period or an edition is numbered with ("round two", "Formula One"). */
export const CARDINAL_WORDS: readonly string[] = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The number a counting word stands for: "third", "3rd", "three" and "3" → 3; NaN for any other word. */
export function countValue(word: string): number {
  const w = word.toLowerCase();
  const ordinal = ORDINAL_WORDS.indexOf(w);
  if (ordinal >= 0) return ordinal + 1;
  const cardinal = CARDINAL_WORDS.indexOf(w);
  return cardinal >= 0 ? cardinal + 1 : parseInt(w, 10);
}
