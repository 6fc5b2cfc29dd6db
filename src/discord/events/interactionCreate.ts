import { Events } from 'discord.js';
import { buttons } from '../buttons/index.ts';
import { commands } from '../commands/index.ts';
import { messageCommands } from '../contextMenus/index.ts';
import { decodeCustomId } from '../customId.ts';
import { replyWithError } from '../replyWithError.ts';
import type { Event } from '../types.ts';

/** The one router for interactions: slash commands, message commands, autocomplete, buttons. */
export default {
  name: Events.InteractionCreate,
  async execute(ctx, interaction) {
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new Error(`no handler for /${interaction.commandName}; run \`npm run register\` after changing commands`);
        await command.execute(interaction, ctx);
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = messageCommands.get(interaction.commandName);
        if (!command) throw new Error(`no handler for message command "${interaction.commandName}"; run \`npm run register\` after changing commands`);
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
      } else if (interaction.isButton()) {
        const { name, args } = decodeCustomId(interaction.customId);
        const button = buttons.get(name);
        if (!button) throw new Error(`no handler for button "${interaction.customId}"`);
        await button.execute(interaction, ctx, args);
      }
    } catch (err) {
      ctx.log.error({ err, interactionId: interaction.id, type: interaction.type }, 'interaction failed');
      await replyWithError(interaction, ctx.log);
    }
  },
} satisfies Event<Events.InteractionCreate>;
