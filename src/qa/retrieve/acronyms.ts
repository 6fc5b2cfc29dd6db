import type { AcronymMap } from '../../corpus/findAcronyms.ts';

/**
 * Query terms plus the other spelling of every acronym or long form they contain, at `weight`
 * (the words the user typed keep theirs).
 */
export function expandAcronyms(terms: string[], weights: Map<string, number>, acronyms: AcronymMap, weight: number): void {
  const add = (t: string) => {
    if (!weights.has(t)) weights.set(t, weight);
  };
  for (const t of terms) for (const long of acronyms.get(t) ?? []) add(long);
  const joined = ` ${terms.join(' ')} `;
  for (const [key, value] of acronyms) if (key.includes(' ') && joined.includes(` ${key} `)) value.forEach(add);
}
