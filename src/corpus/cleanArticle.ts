import { dateInUrl, extractMetadata } from './extractMetadata.ts';
import { normaliseNewlines } from './decodeText.ts';
import type { GivenMetadata } from './parseFrontMatter.ts';
import { removeChrome } from './removeChrome.ts';
import { splitSentences } from './splitSentences.ts';
import { stripMarkdown } from './stripMarkdown.ts';
import { unwrapLines } from './unwrapLines.ts';
import type { Article } from './types.ts';

/** One article as read from disk or a JSONL line, before cleaning. */
export interface RawArticle {
  id: string;
  /** Citation path: a file path, or `corpus.jsonl#id`. */
  file: string;
  /** Text after front matter is removed (BOM and `\r\n` are tolerated here too). */
  body: string;
  /** Strip Markdown syntax from the body (`.md`, or a `.txt` with front matter). */
  markdown?: boolean;
  /** Metadata given explicitly by front matter or JSONL fields. */
  given?: GivenMetadata;
}

const TITLE_MAX_CHARS = 100;
/** Headline: one line, no closing full stop, not too long to be a title. */
const HEADLINE_MAX_WORDS = 30;
const ENDS_LIKE_PROSE = /[.!?…]["'”’)\]]*$/;
/** How far into the article a repeated standfirst or summary line may sit. */
const LEAD_PARAGRAPHS = 3;
const MIN_DUPLICATE_CHARS = 40;

/**
 * Clean one article: strip Markdown (when asked) and page chrome, join hard-wrapped lines,
 * lift the headline into `title` (or derive one from the first sentence), drop a standfirst
 * that repeats a body sentence, and gather date, outlet, dateline and url. Paragraphs are
 * separated by one blank line, so a passage is a paragraph. Pure: the same raw article always
 * gives the same Article.
 */
export function cleanArticle(raw: RawArticle): Article {
  const given = raw.given ?? {};
  let body = normaliseNewlines(raw.body.charCodeAt(0) === 0xfeff ? raw.body.slice(1) : raw.body);
  if (raw.markdown) body = stripMarkdown(body);
  const stated = extractMetadata(body);

  let paragraphs = removeChrome(body).map(unwrapLines);
  let title = given.title ?? null;
  const first = paragraphs[0];
  if (first !== undefined && title !== null && sameText(first, title)) {
    paragraphs = paragraphs.slice(1);
  } else if (first !== undefined && title === null && paragraphs.length > 1 && isHeadline(first)) {
    title = first;
    paragraphs = paragraphs.slice(1);
  }
  paragraphs = dropRepeatedLead(paragraphs);
  const text = paragraphs.join('\n\n');

  return {
    id: raw.id,
    title: title ?? deriveTitle(text, raw.id),
    date: stated.date ?? given.date ?? dateInUrl(given.url) ?? null,
    outlet: stated.outlet ?? given.outlet ?? null,
    dateline: stated.dateline,
    url: given.url ?? null,
    file: raw.file,
    text,
  };
}

function isHeadline(paragraph: string): boolean {
  if (paragraph.includes('\n') || ENDS_LIKE_PROSE.test(paragraph)) return false;
  return paragraph.split(/\s+/).length <= HEADLINE_MAX_WORDS;
}

/**
 * Sites repeat a body sentence as a standfirst or caption above the byline. A paragraph near
 * the top whose words appear again later is dropped, so the sentence is cited once, in place.
 */
function dropRepeatedLead(paragraphs: string[]): string[] {
  const keep = paragraphs.map(() => true);
  for (let i = 0; i < Math.min(LEAD_PARAGRAPHS, paragraphs.length - 1); i++) {
    const lead = comparable(paragraphs[i] ?? '');
    if (lead.length < MIN_DUPLICATE_CHARS) continue;
    const rest = comparable(paragraphs.slice(i + 1).join(' '));
    if (rest.includes(lead)) keep[i] = false;
  }
  return paragraphs.filter((_, i) => keep[i]);
}

/** Text reduced for duplicate checks: case, curly quotes, spacing and end punctuation ignored. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?…"']+$/, '')
    .trim();
}

function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

/**
 * A title for an article without a headline: its first sentence, cut on a word boundary to
 * about 100 characters with `…`. Falls back to the id for an empty text.
 */
export function deriveTitle(text: string, fallback: string): string {
  const first = splitSentences(text)[0];
  if (!first) return fallback;
  const sentence = text.slice(first.start, first.end);
  if (sentence.length <= TITLE_MAX_CHARS) return sentence;
  const cut = sentence.slice(0, TITLE_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  const head = space > TITLE_MAX_CHARS / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}
