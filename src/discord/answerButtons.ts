import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Answer } from '../qa/types.ts';
import { encodeCustomId } from './customId.ts';

/** Article ids retrieved for a question but not cited in its answer. Pure. */
export function uncitedArticleIds(answer: Answer): string[] {
  const cited = new Set(answer.sources.map((s) => s.docId));
  return answer.retrieved.map((r) => r.docId).filter((id) => !cited.has(id));
}

/**
 * The row under an answer: More sources, Show passage, 👍, 👎. Buttons with nothing behind them
 * are left out. Small talk and invalid input get no row.
 */
export function answerButtons(key: string, answer: Answer): ActionRowBuilder<ButtonBuilder>[] {
  if (answer.kind !== 'answer' && answer.kind !== 'abstain') return [];
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (uncitedArticleIds(answer).length > 0) {
    row.addComponents(new ButtonBuilder().setCustomId(encodeCustomId('more', key)).setLabel('More sources').setStyle(ButtonStyle.Secondary));
  }
  if (answer.kind === 'answer' && answer.sentences.length > 0) {
    row.addComponents(new ButtonBuilder().setCustomId(encodeCustomId('passage', key)).setLabel('Show passage').setStyle(ButtonStyle.Secondary));
  }
  row.addComponents(
    new ButtonBuilder().setCustomId(encodeCustomId('vote', 'up', key)).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(encodeCustomId('vote', 'down', key)).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  );
  return [row];
}
