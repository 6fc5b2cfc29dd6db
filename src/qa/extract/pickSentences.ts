import type { AnswerType } from '../question/analyzeQuestion.ts';
import { sentenceKey } from './candidates.ts';
import type { RankedSentence } from './ranker.ts';

/** Content-term overlap above which two sentences say the same thing. */
const DUPLICATE_OVERLAP = 0.6;

/**
 * The 1–2 sentences to quote: the best, and a second whose probability is at least
 * `secondRatio` of the first's and that says something else. When only the second holds
 * what a "when" or "how many" asks for, it is quoted first. A follow-up is not answered by
 * what the last answer already quoted, unless that sentence holds the kind of thing the
 * follow-up asks for ("When was that?" is answered by the sentence with the date, not by the
 * one the reader has just read); as the second, a repeat is allowed for a date or a figure.
 * `tellsAnotherStory` says whether a sentence's article writes none of the question's parties
 * (answer/abstention.ts).
 */
export function pickSentences(
  candidates: readonly RankedSentence[],
  secondRatio: number,
  answerType: AnswerType = 'other',
  alreadyQuoted: ReadonlySet<string> = new Set(),
  tellsAnotherStory: (s: RankedSentence) => boolean = () => false,
): RankedSentence[] {
  const fresh = candidates.filter((s) => !alreadyQuoted.has(sentenceKey(s.sentence)) || s.features.typed > 0);
  const ranked = fresh.length > 0 ? fresh : candidates;
  const first = ranked[0];
  if (!first) return [];
  const precise = answerType === 'date' || answerType === 'number';
  const minScore = first.score + Math.log(Math.max(secondRatio, 1e-12));
  const second = ranked
    .slice(1)
    .find(
      (s) =>
        s.score >= minScore &&
        overlap(s.terms, first.terms) < DUPLICATE_OVERLAP &&
        // Never beside the answer, a sentence from outside the time the question names, or
        // from an article that writes none of the parties it names.
        s.features.dateOut <= first.features.dateOut &&
        (!tellsAnotherStory(s) || tellsAnotherStory(first)) &&
        (precise || !alreadyQuoted.has(sentenceKey(s.sentence))),
    );
  if (!second) return [first];
  return precise && second.features.typed > first.features.typed ? [second, first] : [first, second];
}

/** Share of the smaller sentence's content terms that the other also has. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / Math.min(sa.size, sb.size);
}
