import { periodsIn, questionConstraints, yearsIn } from '../qa/question/constraints.ts';
import { editionValues, editionsIn, renumberEdition } from '../qa/question/editions.ts';
import { describeMonth, monthsNamed, renameMonth, writesMonthOf } from '../qa/question/months.ts';
import { dateAffinity, monthRange } from '../qa/question/questionDates.ts';
import { ORDINAL_WORDS } from '../qa/question/questionWords.ts';

/**
 * SQuAD 2.0-style unanswerable questions made from answerable ones: the same question with
 * the year, quarter, round or edition it pins changed to one its article does not report
 * ("…in the third quarter?" → "…in the fourth quarter?", "…in 2019?" → "…in 2017?", "…the
 * 88th Academy Awards?" → "…the 89th Academy Awards?"). They teach the
 * abstention model what a confident wrong answer in a news archive looks like: the right
 * topic, another time. Deterministic: the same questions and articles give the same output.
 */
export interface NearMissSource {
  id: string;
  question: string;
  /** The text of the article(s) that answer it, title included. */
  articleText: string;
  /** Their dates (ISO), where known: a month is moved only to one they were not written in. */
  articleDates?: ReadonlyArray<string | null>;
}

export interface NearMiss {
  id: string;
  question: string;
  /** What was moved: the year, the month of a year, a period (quarter, round…) or an edition. */
  kind: 'year' | 'month' | 'period' | 'edition';
  /** What was changed, for the record ("2019 → 2017"). */
  change: string;
}

/** Year shifts tried in order: a nearby year is the likeliest confusion. */
const YEAR_SHIFTS = [-2, 2, -1, 1, -3, 3];
/** Month shifts, within the year: one month off is often still inside an article's reporting lag. */
const MONTH_SHIFTS = [2, -2, 3, -3, 1, -1];

/** `archiveDates`: the dates of every article in the archive (a month one was written in is never moved to). */
export function nearMisses(sources: readonly NearMissSource[], archiveText: string, archiveDates: readonly string[] = []): NearMiss[] {
  const out: NearMiss[] = [];
  const archiveYears = new Set(yearsIn(archiveText));
  for (const source of sources) {
    const reported = new Set(yearsIn(source.articleText));
    for (const year of yearsIn(source.question)) {
      // A year no article in the archive names: then no article can answer the changed question.
      const shifted = YEAR_SHIFTS.map((d) => String(Number(year) + d)).find((y) => !reported.has(y) && !archiveYears.has(y));
      if (!shifted) continue;
      out.push({ id: `${source.id}~year`, kind: 'year', question: source.question.replace(new RegExp(`\\b${year}\\b`, 'g'), shifted), change: `${year} → ${shifted}` });
      break;
    }
    const month = movedMonth(source, archiveText, archiveDates);
    if (month) out.push({ id: `${source.id}~month`, kind: 'month', ...month });
    const namedPeriods = periodsIn(source.articleText);
    for (const period of periodsIn(source.question)) {
      const value = Number(period.value);
      const other = [value + 1, value - 1].find((v) => v >= 1 && v <= ORDINAL_WORDS.length && !namedPeriods.some((p) => p.kind === period.kind && p.value === String(v)));
      if (other === undefined) continue;
      const from = ORDINAL_WORDS[value - 1];
      const to = ORDINAL_WORDS[other - 1]!;
      const pattern = new RegExp(`\\b${from}(?=[\\s-]+${period.kind})|\\b(?<=${period.kind}s?\\s+)${value}\\b|\\bQ${value}\\b`, 'i');
      if (!from || !pattern.test(source.question)) continue;
      const question = source.question.replace(pattern, (m) => (/^q/i.test(m) ? `Q${other}` : /^\d/.test(m) ? String(other) : matchCase(m, to)));
      out.push({ id: `${source.id}~${period.kind}`, kind: 'period', question, change: `${period.kind} ${value} → ${other}` });
      break;
    }
    for (const edition of editionsIn(source.question)) {
      // As for years: an edition no article in the archive reports, so none can answer.
      const reportedValues = editionValues(`${source.articleText}\n${archiveText}`, edition.head, edition.name);
      const value = Number(edition.value);
      const other = [value + 1, value - 1].find((v) => v >= 1 && !reportedValues.has(String(v)));
      const renamed = other === undefined ? undefined : renumberEdition(edition.written, other);
      if (!renamed) continue;
      out.push({ id: `${source.id}~edition`, kind: 'edition', question: source.question.replace(edition.written, renamed), change: `${edition.written} → ${renamed}` });
      break;
    }
  }
  return out;
}

/**
 * The question with the month it pins ("in May 2023") moved to another of the same year that
 * its articles were not written in and do not name, and that no article in the archive was
 * written in or writes with that year: then nothing in the archive answers it.
 */
function movedMonth(source: NearMissSource, archiveText: string, archiveDates: readonly string[]): Pick<NearMiss, 'question' | 'change'> | undefined {
  const named = monthsNamed(source.articleText);
  const dates = (source.articleDates ?? []).filter((d): d is string => !!d);
  for (const pinned of questionConstraints(source.question).months) {
    // A day past the 28th may not exist in the other month ("May 31" → "February 31").
    const lateDay = pinned.range.from === pinned.range.to && Number(pinned.range.from.slice(8, 10)) > 28;
    for (const shift of MONTH_SHIFTS) {
      const month = pinned.month + shift;
      if (month < 1 || month > 12 || lateDay) continue;
      const range = monthRange('', Number(pinned.year), month, false);
      const writtenIn = (d: string) => dateAffinity(d, [range]) === 1;
      if (named.has(month) || dates.some(writtenIn) || archiveDates.some(writtenIn) || writesMonthOf(archiveText, month, pinned.year)) continue;
      const renamed = renameMonth(pinned.range.text, month);
      return { question: source.question.replace(pinned.range.text, renamed), change: `${describeMonth(pinned)} → ${describeMonth({ year: pinned.year, month })}` };
    }
  }
  return undefined;
}

function matchCase(original: string, word: string): string {
  return /^\p{Lu}/u.test(original) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
