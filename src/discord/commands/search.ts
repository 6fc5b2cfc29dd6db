import { MessageFlags, SlashCommandBuilder, InteractionContextType } from 'discord.js';
import { formatSearch } from '../format/formatSearch.ts';
import { rateLimitedMessage } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import { splitMessage } from '../splitMessage.ts';
import type { Command } from '../types.ts';

/** Passages shown by `/search`. */
const SEARCH_LIMIT = 8;

/** `/search query`: the best-matching passages, quoted with their sources. */
export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Find passages in the news archive that match some words.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) => o.setName('query').setDescription('Words to look for, e.g. "trade deficit"').setRequired(true).setMaxLength(300))
    .toJSON(),

  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true).trim();
    const allowed = ctx.limiter.take(interaction.user.id);
    if (!allowed.ok) {
      await interaction.reply({ content: rateLimitedMessage(allowed.retryAfterMs), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    const result = await ctx.archive.search(query, { limit: SEARCH_LIMIT });
    await sendToInteraction(interaction, splitMessage(formatSearch(query, result)));
  },
} satisfies Command;
