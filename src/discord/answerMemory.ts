import type { Answer } from '../qa/types.ts';
import { Lru } from './lru.ts';

/** What the answer buttons need to work after the fact. */
export interface RememberedAnswer {
  question: string;
  userId: string;
  answer: Answer;
}

/**
 * Recent answers under short keys that fit in a button's custom id (100 characters max).
 * Bounded, so memory stays flat; keys carry a per-process prefix, so a button pressed after
 * a restart finds nothing rather than someone else's answer.
 */
export class AnswerMemory {
  readonly #entries: Lru<string, RememberedAnswer>;
  readonly #prefix = Date.now().toString(36);
  #counter = 0;

  constructor(max = 1000) {
    this.#entries = new Lru(max);
  }

  remember(entry: RememberedAnswer): string {
    const key = `${this.#prefix}.${(++this.#counter).toString(36)}`;
    this.#entries.set(key, entry);
    return key;
  }

  recall(key: string): RememberedAnswer | undefined {
    return this.#entries.get(key);
  }
}
