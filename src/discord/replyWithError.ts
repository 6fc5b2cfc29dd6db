import { MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { ERROR_MESSAGE } from './format/politeMessages.ts';
import { NO_MENTIONS } from './noMentions.ts';

/**
 * Tells the user an interaction failed, whatever state it is in (fresh, deferred, replied).
 * Never throws: a failure here is only logged.
 */
export async function replyWithError(interaction: Interaction, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content: ERROR_MESSAGE, components: [], allowedMentions: NO_MENTIONS });
    } else if (interaction.replied) {
      await interaction.followUp({ content: ERROR_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ content: ERROR_MESSAGE, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
    }
  } catch (err) {
    log.warn({ err }, 'could not tell the user about an error');
  }
}
