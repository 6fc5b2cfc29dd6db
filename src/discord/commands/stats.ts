import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { formatStats } from '../format/formatStats.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import type { Command } from '../types.ts';

/** `/stats`: articles, chunks, embedder, index build time, newest article date. */
export default {
  data: new SlashCommandBuilder()
    .setName('stats')
    .setDescription('What the archive holds: articles, chunks, embedder, build time, newest article.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction, ctx) {
    await sendToInteraction(interaction, [formatStats(ctx.archive.stats())]);
  },
} satisfies Command;
