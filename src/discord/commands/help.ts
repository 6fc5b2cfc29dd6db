import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../noMentions.ts';
import type { Command } from '../types.ts';

const HELP = [
  '**Archivist** answers questions about a news archive by quoting it: one or two sentences, each with a citation `[n]`, then the sources.',
  '',
  '• Mention me with a question, DM me, or ask in a channel I listen to. Follow-ups (“When was that?”) use the conversation so far.',
  '• `/ask question [since] [until] [private]` — ask; dates like 2024, 2024-07 or 2024-07-26 narrow the articles; private answers only you see.',
  '• `/search query` — passages that match some words.',
  '• `/sources` — every article, newest first. `/source article` — one article’s opening.',
  '• `/stats` — what the archive holds. Ask “What’s new?” for the newest articles.',
  '• Right-click any message → **Apps → Find sources**: the archive’s sentences that support it, privately.',
  '',
  'Under an answer: **More sources** lists other matching articles, **Show passage** shows the paragraph around the quote, 👍 / 👎 tell us how it did.',
  'If the archive does not cover a question, I say so and list the closest articles rather than guess.',
].join('\n');

/** `/help`: what the bot does and how to ask. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask Archivist questions, and what each command does.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction) {
    await interaction.reply({ content: HELP, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
