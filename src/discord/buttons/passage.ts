import { MessageFlags } from 'discord.js';
import { formatPassage } from '../format/formatPassage.ts';
import { EXPIRED_MESSAGE } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import { splitMessage } from '../splitMessage.ts';
import type { Button } from '../types.ts';

/** "Show passage" (`passage:<answerKey>`): the paragraph around the answer's first quoted sentence. */
export default {
  name: 'passage',
  async execute(interaction, ctx, [key = '']) {
    const first = ctx.answers.recall(key)?.answer.sentences[0];
    if (!first) {
      await interaction.reply({ content: EXPIRED_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    const article = ctx.archive.getArticle(first.docId);
    const passage = ctx.archive.passageAround(first.docId, first.start, first.end) ?? first.text;
    const source = article ?? { title: first.docId, outlet: null, date: null, url: null };
    await sendToInteraction(interaction, splitMessage(formatPassage(passage, source)), { ephemeral: true });
  },
} satisfies Button;
