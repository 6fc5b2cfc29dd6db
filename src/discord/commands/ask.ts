import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { answerQuestion } from '../answerQuestion.ts';
import { cleanQuestion } from '../cleanQuestion.ts';
import { rateLimitedMessage } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { normalizeDate } from '../normalizeDate.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import type { Command } from '../types.ts';

/** `/ask question [since] [until] [private]`: a cited answer; follow-ups use this channel's recent turns. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the news archive a question; the answer quotes it, with sources.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. "Where did Jaishankar meet Lavrov in May 2023?"').setRequired(true).setMaxLength(1000),
    )
    .addStringOption((o) => o.setName('since').setDescription('Only articles on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)').setMaxLength(10))
    .addStringOption((o) => o.setName('until').setDescription('Only articles on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)').setMaxLength(10))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
    .toJSON(),

  async execute(interaction, ctx) {
    const question = cleanQuestion(interaction.options.getString('question', true), ctx.client.user?.id ?? '0');
    const sinceText = interaction.options.getString('since');
    const untilText = interaction.options.getString('until');
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    const since = sinceText ? normalizeDate(sinceText, 'start') : undefined;
    const until = untilText ? normalizeDate(untilText, 'end') : undefined;
    if ((sinceText && !since) || (untilText && !until)) {
      await interaction.reply({
        content: `Dates look like 2024, 2024-07 or 2024-07-26 (got ${[sinceText, untilText].filter(Boolean).map((d) => `“${d}”`).join(' and ')}).`,
        allowedMentions: NO_MENTIONS,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const allowed = ctx.limiter.take(interaction.user.id);
    if (!allowed.ok) {
      await interaction.reply({ content: rateLimitedMessage(allowed.retryAfterMs), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    // Retrieval can take longer than the 3 s Discord allows for the first response.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const rendered = await answerQuestion(ctx, question, interaction.user.id, {
      conversationId: interaction.channelId,
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
    await sendToInteraction(interaction, rendered.messages, { components: rendered.components, ephemeral });
  },
} satisfies Command;
