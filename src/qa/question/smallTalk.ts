/**
 * Greetings, thanks and "what are you" get a short reply with no sources: quoting an article
 * at someone who said hello would be noise. Pure.
 */
const GREETING = /^(hi|hello|hey|hiya|yo|howdy|good (morning|afternoon|evening)|greetings|namaste|sup)\b[\s!.,?]*(there|all|everyone|bot|archivist)?[\s!.,?]*$/i;
const THANKS = /^(thanks|thank you|thx|ty|cheers|great|cool|ok(ay)?|nice|awesome|perfect|got it)\b[\s\w!.,]{0,20}$/i;
const ABOUT = /^(who|what) are you\b|^what can you do\b|^help\b|^how do (i|you) (use|work)\b/i;
const BYE = /^(bye|goodbye|see you|see ya|good night)\b[\s!.,]*$/i;

export const SMALL_TALK_REPLIES = {
  greeting: 'Hello! Ask me a question about the news archive and I will quote the sentences that answer it, with their sources.',
  thanks: 'Glad to help. Ask another question any time.',
  about:
    'I answer questions about a news archive by quoting the sentences that answer them, each with its source. Ask in plain words; add a date ("in May 2023") to narrow it down.',
  bye: 'Goodbye!',
} as const;

/** The reply for small talk, or undefined when the text is a real question. */
export function replyToSmallTalk(text: string): string | undefined {
  const t = text.trim();
  if (GREETING.test(t)) return SMALL_TALK_REPLIES.greeting;
  if (BYE.test(t)) return SMALL_TALK_REPLIES.bye;
  if (THANKS.test(t) && t.split(/\s+/).length <= 5) return SMALL_TALK_REPLIES.thanks;
  if (ABOUT.test(t)) return SMALL_TALK_REPLIES.about;
  return undefined;
}
