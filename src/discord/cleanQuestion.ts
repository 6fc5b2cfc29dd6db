/** Longest question passed on to the archive; longer text is cut at a word boundary. */
export const MAX_QUESTION_CHARS = 1000;

/**
 * The question in a message: the bot's own mention (`<@id>` or `<@!id>`) removed, whitespace
 * collapsed, length capped. Other mentions and markdown stay as text: `ask()` treats them as
 * words, and replies never ping (allowed mentions are empty). Pure.
 */
export function cleanQuestion(content: string, botId: string): string {
  const withoutBot = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  const collapsed = withoutBot.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= MAX_QUESTION_CHARS) return collapsed;
  const cut = collapsed.slice(0, MAX_QUESTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_QUESTION_CHARS / 2 ? cut.slice(0, space) : cut).trim();
}

/** Mentions of users, roles and channels, and custom emoji: tokens, not words. */
const DISCORD_TOKENS = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>/g;

/**
 * Whether cleaned text has anything to look up: a letter or digit once mentions and custom
 * emoji are set aside (markdown symbols are neither). Pure.
 */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(DISCORD_TOKENS, ' '));
}
