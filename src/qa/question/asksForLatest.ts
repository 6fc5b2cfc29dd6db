import { analyzeTerms } from '../../analyze/analyzeTerms.ts';

/**
 * "What's new?", "Any news?", "What's the latest?" ask for the newest articles, not for a
 * sentence: quoting one that happens to say "recently" would answer nothing. Such a question
 * is recognised by what is left once its news words are set aside: nothing (no topic). "What's
 * new with the Mars rover?" has a topic and is an ordinary question. Pure.
 */
const NEWS_WORDS = new Set(
  analyzeTerms('new newest news latest recent recently today yesterday week month happen happened happening going headline headlines update updates story stories article articles archive anything lately there show give tell list whats'),
);
const ASKS = /\b(?:what(?:'|’)?s|whats|what is|what are|any|anything|latest|newest|recent|show me|give me|tell me)\b/i;

export function asksForLatest(question: string): boolean {
  if (!ASKS.test(question)) return false;
  const terms = analyzeTerms(question);
  return terms.length > 0 && terms.every((t) => NEWS_WORDS.has(t)) && terms.some((t) => /^(new|newest|latest|recent|news|today|headlin|updat)/.test(t));
}
