import { isoDate, monthNumber, parseDate } from './parseDate.ts';

/** Metadata the article text itself states, found before chrome removal throws it away. */
export interface TextMetadata {
  date: string | null;
  outlet: string | null;
  /** Where the story was filed, from an agency byline that names it ("Press Trust of India Moscow"). */
  dateline: string | null;
}

/** A scraped ` date 2024-07-26` header at the very top, possibly followed by the first sentence. */
export const DATE_HEADER = /^\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*/i;

/** Page stamps that give a publication date, most specific first. */
const DATE_STAMPS = [/\bLast Updated\s*:\s*([^|\n]+)/i, /\bFirst Published\s*:\s*([^|\n]+)/i, /^(?:Published|Updated)(?: on)?\s*:\s*([^|\n]+)/im];

/** MENAFN article codes: `MENAFN` + DDMMYYYY + digits + `ID` + digits. */
export const MENAFN_CODE = /\bMENAFN(\d{2})(\d{2})(\d{4})\d*ID\d+\b/;

/**
 * An agency byline on a line of its own, with the place the story was filed from after it:
 * "Press Trust of India Moscow", "Reuters New Delhi". Page chrome (removeChrome.ts), so the
 * place is kept here: it is where the story was filed.
 */
export const AGENCY_BYLINE = /^(?:Press Trust of India|PTI|IANS|ANI|Reuters|AFP|Associated Press)((?:\s+[A-Z][\w'.-]*){0,3})$/;

/** How the text names a wire service or publisher, as credits, bylines or tags. */
const OUTLETS: ReadonlyArray<{ outlet: string; pattern: RegExp }> = [
  { outlet: 'MENAFN', pattern: /\(MENAFN\)|\bMENAFN\d{8}/ },
  { outlet: 'PTI', pattern: /^Press Trust of India\b|\((?:with )?(?:inputs? from )?PTI\)|^PTI\b/im },
  { outlet: 'IANS', pattern: /\((?:with )?(?:inputs? from )?IANS\)|^IANS\b/im },
  { outlet: 'ANI', pattern: /\((?:with )?(?:inputs? from )?ANI\)|^ANI\b/m },
  { outlet: 'Reuters', pattern: /\((?:with )?(?:inputs? from )?Reuters\)|^Reuters\b/im },
  { outlet: 'AFP', pattern: /\((?:with )?(?:inputs? from )?AFP\)|^AFP\b/m },
  { outlet: 'AP', pattern: /\((?:with )?(?:inputs? from )?AP\)|^Associated Press\b/m },
];

/**
 * Date and outlet as the page states them: the date header, else a `Last Updated :` /
 * `First Published:` stamp, else the date inside a MENAFN code; the outlet named earliest
 * in the text by a tag such as `(MENAFN)`, a `Press Trust of India` byline or
 * `(with inputs from PTI)`; the dateline of an agency byline. Pure; reads the text as loaded,
 * before cleaning.
 */
export function extractMetadata(text: string): TextMetadata {
  return { date: findDate(text), outlet: findOutlet(text), dateline: findDateline(text) };
}

function findDateline(text: string): string | null {
  for (const line of text.split('\n')) {
    const place = AGENCY_BYLINE.exec(line.trim())?.[1]?.trim();
    if (place) return place;
  }
  return null;
}

function findDate(text: string): string | null {
  const header = DATE_HEADER.exec(text);
  const fromHeader = header?.[1] ? parseDate(header[1]) : null;
  if (fromHeader) return fromHeader;
  for (const stamp of DATE_STAMPS) {
    const m = stamp.exec(text);
    const date = m?.[1] ? parseDate(m[1]) : null;
    if (date) return date;
  }
  const code = MENAFN_CODE.exec(text);
  if (code) return isoDate(Number(code[3]), Number(code[2]), Number(code[1]));
  return null;
}

/**
 * The publication date a news URL carries in its path, to the day: `/2019/12/13/`,
 * `/2019/dec/13/`, `/2019-12-13-…`, `…-20191213.html`. Many archives' dumps keep the URL and drop the date;
 * a month alone (`/2019/12/`) is not taken, since the day would be invented. Null otherwise.
 */
export function dateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  for (const pattern of URL_DATES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const month = /^\d/.test(m[2]!) ? Number(m[2]) : monthNumber(m[2]);
    const date = year >= 1990 && year <= 2100 ? isoDate(year, month, Number(m[3])) : null;
    if (date) return date;
  }
  return null;
}

const URL_DATES = [
  /\/(\d{4})\/(\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\/(\d{1,2})(?=\/|$|[?#])/i,
  /(?<=[/_-])(\d{4})-(\d{2})-(\d{2})(?=[/_.?#-]|$)/,
  /(?<=[/_-])(\d{4})(\d{2})(\d{2})(?=[/_.?#-]|$)/,
];

function findOutlet(text: string): string | null {
  let best: { outlet: string; at: number } | null = null;
  for (const { outlet, pattern } of OUTLETS) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.at)) best = { outlet, at: m.index };
  }
  return best?.outlet ?? null;
}
