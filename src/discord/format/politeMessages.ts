/** The short messages the bot sends when it cannot answer. Pure. */

/**
 * Past the fair-use limit. In a channel it is sent once per throttled stretch (`inChannel`), so
 * it says that further questions are skipped rather than repeating itself; a command is always
 * answered, privately.
 */
export function rateLimitedMessage(retryAfterMs: number, inChannel = false): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const first = `You're asking faster than I can keep up — please try again in ${seconds} s.`;
  return inChannel ? `${first} Until you slow down I'll skip questions that come too fast, without saying so again.` : first;
}

export const ERROR_MESSAGE = 'Sorry, something went wrong while answering that. Please try again in a moment.';

export const EMPTY_QUESTION_MESSAGE = 'Ask me a question about the news archive, for example: “Where did Jaishankar meet Lavrov in May 2023?” (or try `/help`).';

export const EXPIRED_MESSAGE = 'That answer is no longer in my memory (I keep only recent ones). Please ask the question again.';

/** "Find sources" on a message with no words: only an image, a file, an embed or a sticker. */
export const EMPTY_CLAIM_MESSAGE =
  'That message has no text for me to check. **Find sources** looks up the words of a message in the archive; it cannot read images, files, embeds or stickers.';
