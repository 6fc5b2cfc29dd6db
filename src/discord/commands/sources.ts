import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { formatArticleList } from '../format/formatArticleList.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import { sourcesButtons } from '../sourcesButtons.ts';
import type { Command } from '../types.ts';

/** `/sources`: the archive's articles with dates, newest first, paged with buttons. */
export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the articles in the archive, newest first.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction, ctx) {
    const page = formatArticleList(ctx.archive.listArticles(), 0);
    await sendToInteraction(interaction, [page.text], { components: sourcesButtons(page.page, page.pageCount) });
  },
} satisfies Command;
