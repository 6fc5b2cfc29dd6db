import { MessageFlags, type ActionRowBuilder, type ButtonBuilder, type RepliableInteraction } from 'discord.js';
import { NO_MENTIONS } from './noMentions.ts';

export interface InteractionSendOptions {
  components?: ActionRowBuilder<ButtonBuilder>[];
  /** Only the user who asked sees it. Ignored for the first message of a deferred reply (set at defer time). */
  ephemeral?: boolean;
}

/**
 * Answers an interaction with one or more messages: the first completes the reply (an edit of
 * `@original` when deferred), the rest follow up; buttons go under the last. No pings, no link
 * previews.
 */
export async function sendToInteraction(
  interaction: RepliableInteraction,
  messages: readonly string[],
  options: InteractionSendOptions = {},
): Promise<void> {
  const parts = messages.length > 0 ? messages : ['(no content)'];
  const flags = options.ephemeral ? MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds : MessageFlags.SuppressEmbeds;
  for (const [i, content] of parts.entries()) {
    const components = i === parts.length - 1 ? (options.components ?? []) : [];
    if (i === 0 && interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content, components, allowedMentions: NO_MENTIONS, flags: MessageFlags.SuppressEmbeds });
    } else if (i === 0 && !interaction.replied) {
      await interaction.reply({ content, components, allowedMentions: NO_MENTIONS, flags });
    } else {
      await interaction.followUp({ content, components, allowedMentions: NO_MENTIONS, flags });
    }
  }
}
