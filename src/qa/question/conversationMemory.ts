import { tokenizeWords } from '../../analyze/analyzeTerms.ts';
import type { DateRange } from './questionDates.ts';

/**
 * Recent turns per conversation (a terminal session, a Discord channel or thread), so a
 * follow-up like "When was that?" can lean on what came before. Bounded twice: a few turns
 * per conversation, and least-recently-used conversations dropped past a limit; turns older
 * than the TTL are ignored.
 */
export interface Turn {
  question: string;
  /** Content terms the turn was searched with (already expanded if it was a follow-up). */
  terms: string[];
  /** Articles the answer quoted. */
  docIds: string[];
  /** The quoted sentences, as `docId#index` (a follow-up does not repeat them as its second). */
  quoted?: string[];
  /** Dates the question named (a follow-up without its own dates keeps these). */
  dates?: DateRange[];
  at: number;
}

export interface MemoryOptions {
  /** @default 5 */
  maxTurns: number;
  /** @default 1000 */
  maxConversations: number;
  /** @default 30 minutes */
  ttlMs: number;
}

export const DEFAULT_MEMORY_OPTIONS: Readonly<MemoryOptions> = Object.freeze({ maxTurns: 5, maxConversations: 1000, ttlMs: 30 * 60_000 });

export class ConversationMemory {
  private readonly conversations = new Map<string, Turn[]>();
  private readonly options: MemoryOptions;

  constructor(options: Partial<MemoryOptions> = {}, private readonly now: () => number = Date.now) {
    this.options = { ...DEFAULT_MEMORY_OPTIONS, ...options };
  }

  /** The conversation's live turns, oldest first. */
  recent(conversationId: string): Turn[] {
    const turns = this.conversations.get(conversationId) ?? [];
    return turns.filter((t) => this.now() - t.at <= this.options.ttlMs);
  }

  add(conversationId: string, turn: Omit<Turn, 'at'>): void {
    const turns = this.recent(conversationId);
    turns.push({ ...turn, at: this.now() });
    this.conversations.delete(conversationId); // re-insert: Map order is the LRU order
    this.conversations.set(conversationId, turns.slice(-this.options.maxTurns));
    while (this.conversations.size > this.options.maxConversations) {
      this.conversations.delete(this.conversations.keys().next().value!);
    }
  }

  forget(conversationId: string): void {
    this.conversations.delete(conversationId);
  }

  get size(): number {
    return this.conversations.size;
  }
}

const ANAPHORA = new Set(['that', 'there', 'then', 'they', 'them', 'their', 'he', 'she', 'it', 'its', 'his', 'her', 'this', 'those', 'these', 'both', 'him']);

/**
 * Does a question lean on an earlier turn? It points back with a pronoun or "there/then",
 * or it has too few content words to stand alone ("And in 2023?").
 */
export function isFollowUp(question: string, contentTerms: string[]): boolean {
  if (contentTerms.length <= 1) return true;
  const words = tokenizeWords(question);
  return words.some((w) => ANAPHORA.has(w)) && contentTerms.length <= 4;
}
