import type { Answer } from '../../qa/types.ts';
import { describeSource, escapeText, oneLine } from './describeSource.ts';
import { formatLatest } from './formatLatest.ts';

const INVALID_FALLBACK = 'Please ask a question in words.';

/**
 * An Answer as Discord markdown: each quoted sentence on a `> ` line followed by its `[n]`
 * markers, its note (if any) in small print, then the numbered sources. An abstention says
 * so and lists the closest articles; "what's new?" lists the newest articles; small talk and
 * invalid input are the archive's plain message. May exceed 2,000 characters: `splitMessage`
 * cuts it. Pure.
 */
export function formatAnswer(answer: Answer): string {
  if (answer.kind === 'answer' && answer.sentences.length > 0) {
    const quotes = answer.sentences.map(
      (s) => `> ${escapeText(oneLine(s.text))} ${(s.citations.length ? s.citations : [s.citation]).map((n) => `[${n}]`).join('')}`,
    );
    const sources = answer.sources.map((s) => `[${s.n}] ${describeSource(s)}`);
    // What the reply adds (a word read differently, a year the quoted article does not report), in small print under the quotes.
    const note = answer.note ? [`-# ${escapeText(oneLine(answer.note))}`] : [];
    return [...quotes, ...note, '', '**Sources**', ...sources].join('\n');
  }
  // Small talk and invalid input are plain messages, whatever else they carry: `ask()` marks
  // invalid input `abstained: true` (nothing was answered), but it is not an abstention and
  // must not read as one ("closest articles" for an empty mention would be noise).
  if (answer.kind === 'invalid') return escapeText(answer.answer.trim() || INVALID_FALLBACK);
  if (answer.kind === 'latest') return formatLatest(answer);
  if (answer.kind === 'smalltalk') return escapeText(answer.answer.trim() || 'I have nothing to say to that.');
  if (answer.kind === 'abstain' || answer.abstained) {
    const lines = [escapeText(answer.answer.trim() || 'The archive does not cover that.')];
    if (answer.sources.length > 0) {
      lines.push('', '**Closest articles**', ...answer.sources.map((s) => `• ${describeSource(s)}`));
    }
    return lines.join('\n');
  }
  return escapeText(answer.answer.trim() || 'I have nothing to say to that.');
}
