import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, MessageFlags } from 'discord.js';
import { answerClaim } from '../answerClaim.ts';
import { cleanQuestion, hasWords } from '../cleanQuestion.ts';
import { EMPTY_CLAIM_MESSAGE, rateLimitedMessage } from '../format/politeMessages.ts';
import { NO_MENTIONS } from '../noMentions.ts';
import { sendToInteraction } from '../sendToInteraction.ts';
import type { MessageCommand } from '../types.ts';

/**
 * "Find sources" (right-click a message → Apps): the message's text, cleaned like a question,
 * checked against the archive; the cited sentences that support it, or that nothing does and
 * the closest articles. Always private (ephemeral): it comments on someone else's message.
 */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Find sources')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction, ctx) {
    const claim = cleanQuestion(interaction.targetMessage.content ?? '', ctx.client.user?.id ?? '0');
    if (!hasWords(claim)) {
      await interaction.reply({ content: EMPTY_CLAIM_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    const allowed = ctx.limiter.take(interaction.user.id);
    if (!allowed.ok) {
      await interaction.reply({ content: rateLimitedMessage(allowed.retryAfterMs), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const rendered = await answerClaim(ctx, claim, interaction.user.id);
    await sendToInteraction(interaction, rendered.messages, { components: rendered.components, ephemeral: true });
  },
} satisfies MessageCommand;
