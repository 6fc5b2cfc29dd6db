/**
 * Deterministic texts on two topics, for tests of word vectors learned from an archive:
 * health texts use "vaccine" or "immunization" (never both) among the same company of words,
 * sport texts "striker" or "attacker" among theirs.
 */
/** Each topic's company: a few real words and enough made-up ones for a vocabulary to learn from. */
const HEALTH = ['dose', 'clinic', 'nurse', 'patients', 'booster', 'shot', 'children', 'health', ...Array.from({ length: 72 }, (_, i) => `medword${i}`)];
const SPORT = ['goal', 'match', 'league', 'keeper', 'penalty', 'season', 'coach', 'stadium', ...Array.from({ length: 72 }, (_, i) => `sportword${i}`)];

export function topicalTexts(count: number): string[] {
  let state = 7;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const health = i % 2 === 0;
    const company = health ? HEALTH : SPORT;
    const key = health ? (next(2) ? 'vaccine' : 'immunization') : next(2) ? 'striker' : 'attacker';
    const words = Array.from({ length: 12 }, () => company[next(company.length)]!);
    words.splice(next(words.length), 0, key);
    out.push(words.join(' '));
  }
  return out;
}
