import { MessageFlags } from 'discord.js';
import { appendFeedback } from '../appendFeedback.ts';
import { EXPIRED_MESSAGE } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import type { Button } from '../types.ts';

/** 👍 / 👎 (`vote:up|down:<answerKey>`): appends question, answer and user id to `FEEDBACK_FILE`. */
export default {
  name: 'vote',
  async execute(interaction, ctx, [direction, key = '']) {
    const remembered = ctx.answers.recall(key);
    if (!remembered || (direction !== 'up' && direction !== 'down')) {
      await interaction.reply({ content: EXPIRED_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    const { answer } = remembered;
    await appendFeedback(ctx.config.FEEDBACK_FILE, {
      at: new Date().toISOString(),
      vote: direction,
      userId: interaction.user.id,
      question: remembered.question,
      answer: answer.answer,
      kind: answer.kind,
      sources: answer.sources.map((s) => ({ n: s.n, docId: s.docId, title: s.title })),
      messageId: interaction.message.id,
      channelId: interaction.channelId,
      guildId: interaction.guildId,
    });
    await interaction.reply({
      content: direction === 'up' ? 'Thanks — glad it helped. 👍' : 'Thanks — noted; that helps us improve. 👎',
      allowedMentions: NO_MENTIONS,
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Button;
