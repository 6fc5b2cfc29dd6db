import { analyzeTerms, isStopword, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { DEFAULT_RELATED_OPTIONS, type RelatedTerms } from '../lexicon/relatedTerms.ts';

/**
 * "What did Jaishankar say about China during his ASEAN remarks?" names what the answer must
 * speak of: the words after "about". A quote of his on ASEAN matches the speaker and the
 * occasion and still does not answer it; news says what a remark was about in so many words.
 */

/** Determiners before the topic's words. */
const DETERMINER = new Set(['the', 'a', 'an']);

/**
 * The analysed words of the topic a question asks about: the words after "about" up to the
 * first stopword other than "of" ("about the South China Sea" → south, china, sea; "about the
 * spread of disease" → spread, disease; "about the ongoing situation in Gaza" → ongoing,
 * situation). [] when it asks about no named topic: "about his stay" (a pronoun is a
 * stopword), "about 50 people" (a figure: "about" means roughly).
 */
export function askedTopic(question: string): string[] {
  const words = tokenizeWords(question);
  let at = words.indexOf('about') + 1;
  if (at === 0) return [];
  while (DETERMINER.has(words[at] ?? '')) at++;
  if (/^\d/.test(words[at] ?? '')) return [];
  let end = at;
  // "of" joins one noun phrase: "the spread of the disease" is one topic.
  const within = (i: number) => !isStopword(words[i]!) || (words[i] === 'of' && i > at) || (DETERMINER.has(words[i]!) && words[i - 1] === 'of');
  while (end < words.length && within(end)) end++;
  return analyzeTerms(words.slice(at, end).join(' '));
}

/**
 * Credit at which a related word is the topic under another name ("Laotian" for Laos); a
 * broader or narrower word ("sea" → Pacific) is another topic.
 */
const SAME_TOPIC_CREDIT = DEFAULT_RELATED_OPTIONS.close;

/**
 * Whether text with these analysed words speaks of the topic: one of its words, or a word
 * standing for one (a synonym or derived form). An empty topic is always spoken of.
 */
export function speaksOfTopic(topic: readonly string[], words: ReadonlySet<string>, related: RelatedTerms): boolean {
  if (topic.length === 0) return true;
  return topic.some((t) => words.has(t) || [...(related.get(t) ?? [])].some(([word, credit]) => credit >= SAME_TOPIC_CREDIT && words.has(word)));
}
