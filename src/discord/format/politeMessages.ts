/** The short messages the bot sends when it cannot answer. Pure. */

export function rateLimitedMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up — please try again in ${seconds} s.`;
}

export const ERROR_MESSAGE = 'Sorry, something went wrong while answering that. Please try again in a moment.';

export const EMPTY_QUESTION_MESSAGE = 'Ask me a question about the news archive, for example: “Where did Jaishankar meet Lavrov in May 2023?” (or try `/help`).';

export const EXPIRED_MESSAGE = 'That answer is no longer in my memory (I keep only recent ones). Please ask the question again.';
