import { MessageFlags } from 'discord.js';
import { uncitedArticleIds } from '../answerButtons.ts';
import { formatMoreSources } from '../format/formatMoreSources.ts';
import { EXPIRED_MESSAGE } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import { splitMessage } from '../splitMessage.ts';
import type { Button } from '../types.ts';

/** "More sources" (`more:<answerKey>`): the retrieved articles the answer did not cite. */
export default {
  name: 'more',
  async execute(interaction, ctx, [key = '']) {
    const remembered = ctx.answers.recall(key);
    if (!remembered) {
      await interaction.reply({ content: EXPIRED_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    const articles = uncitedArticleIds(remembered.answer)
      .map((id) => ctx.archive.getArticle(id))
      .filter((a) => a !== undefined);
    await sendToInteraction(interaction, splitMessage(formatMoreSources(articles)), { ephemeral: true });
  },
} satisfies Button;
