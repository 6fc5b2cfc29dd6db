import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { formatArticle } from '../format/formatArticle.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import { splitMessage } from '../splitMessage.ts';
import type { Command } from '../types.ts';

/** Autocomplete offers at most this many titles (Discord's limit). */
const MAX_CHOICES = 25;

/** `/source article`: one article's title, outlet, date and opening lines; titles autocomplete. */
export default {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Show one article from the archive: title, outlet, date and opening lines.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) => o.setName('article').setDescription('Start typing a title').setRequired(true).setAutocomplete(true))
    .toJSON(),

  async execute(interaction, ctx) {
    const wanted = interaction.options.getString('article', true).trim();
    const byTitle =
      ctx.archive.listArticles().find((a) => a.title.toLowerCase() === wanted.toLowerCase()) ??
      ctx.archive.listArticles().find((a) => a.title.toLowerCase().includes(wanted.toLowerCase()));
    const article = ctx.archive.getArticle(wanted) ?? (byTitle && ctx.archive.getArticle(byTitle.id));
    if (!article) {
      await interaction.reply({
        content: 'No article in the archive has that title. Pick one from the suggestions, or see `/sources`.',
        allowedMentions: NO_MENTIONS,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await sendToInteraction(interaction, splitMessage(formatArticle(article)));
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const words = typed.split(/\s+/).filter(Boolean);
    const choices = ctx.archive
      .listArticles()
      .filter((a) => words.every((w) => `${a.title} ${a.date ?? ''} ${a.outlet ?? ''}`.toLowerCase().includes(w)))
      .slice(0, MAX_CHOICES)
      .map((a) => ({ name: truncate(`${a.title} (${a.date ?? 'undated'})`, 100), value: a.id.slice(0, 100) }));
    await interaction.respond(choices);
  },
} satisfies Command;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
