import { MessageFlags } from 'discord.js';
import { formatArticleList } from '../format/formatArticleList.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sourcesButtons } from '../sourcesButtons.ts';
import type { Button } from '../types.ts';

/** ◀ / ▶ under `/sources` (`sources:<page>`): shows that page in place. */
export default {
  name: 'sources',
  async execute(interaction, ctx, [pageText = '0']) {
    const page = formatArticleList(ctx.archive.listArticles(), Number.parseInt(pageText, 10) || 0);
    await interaction.update({
      content: page.text,
      components: sourcesButtons(page.page, page.pageCount),
      allowedMentions: NO_MENTIONS,
      flags: MessageFlags.SuppressEmbeds,
    });
  },
} satisfies Button;
