/**
 * Raw user text → a question fit for retrieval, or the reason it is not one. Pure.
 * Discord and terminals hand us mentions, markdown, zero-width and bidi control characters,
 * and sometimes a whole pasted page; none of that should reach the ranker or be echoed back
 * in a form that could ping anyone.
 */
export interface CleanedQuestion {
  /** The text to answer, or '' when nothing is left. */
  text: string;
  /** Set when the input was cut to MAX_QUESTION_CHARS. */
  truncated: boolean;
}

/** Questions longer than this are cut (a question is a sentence or two, not an article). */
export const MAX_QUESTION_CHARS = 500;

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const DISCORD_MENTION = /<(?:@[!&]?|#)\d+>/g;
const MASS_MENTION = /(?<![\w.])@(everyone|here)\b/gi;
const CUSTOM_EMOJI = /<a?:(\w+):\d+>/g;
const MARKDOWN = /```[\s\S]*?```|`+|\*\*|__|~~|\|\||^\s*>+\s?|^\s*#{1,6}\s+|\[([^\]]*)\]\([^)]*\)/gm;

export function cleanQuestion(raw: string): CleanedQuestion {
  let text = (raw ?? '').normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ');
  text = text
    .replace(DISCORD_MENTION, ' ')
    .replace(MASS_MENTION, ' ')
    .replace(CUSTOM_EMOJI, '$1')
    .replace(MARKDOWN, (match, linkText: string | undefined) => (linkText !== undefined ? linkText : match.startsWith('```') ? match.replace(/```\w*/g, ' ') : ' '))
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const truncated = text.length > MAX_QUESTION_CHARS;
  if (truncated) text = text.slice(0, MAX_QUESTION_CHARS).replace(/\s+\S*$/, '');
  return { text, truncated };
}

/** True when the text has something a search can use: a letter or digit in any script. */
export function hasSearchableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
