import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { encodeCustomId } from './customId.ts';

/** ◀ / ▶ under a `/sources` page; none when everything fits on one page. */
export function sourcesButtons(page: number, pageCount: number): ActionRowBuilder<ButtonBuilder>[] {
  if (pageCount <= 1) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(encodeCustomId('sources', page - 1))
        .setLabel('◀ Newer')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page <= 0),
      new ButtonBuilder()
        .setCustomId(encodeCustomId('sources', page + 1))
        .setLabel('Older ▶')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page >= pageCount - 1),
    ),
  ];
}
