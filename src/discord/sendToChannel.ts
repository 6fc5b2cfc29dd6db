import { MessageFlags, type ActionRowBuilder, type ButtonBuilder, type Message, type SendableChannels } from 'discord.js';
import { NO_MENTIONS } from './noMentions.ts';

/**
 * Posts one or more messages: the first as a reply to `replyTo` (when given and in the same
 * channel), the rest plainly; buttons under the last. No pings, no link previews.
 */
export async function sendToChannel(
  channel: SendableChannels,
  messages: readonly string[],
  options: { replyTo?: Message; components?: ActionRowBuilder<ButtonBuilder>[] } = {},
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, content] of messages.entries()) {
    const components = i === messages.length - 1 ? (options.components ?? []) : [];
    const reply =
      i === 0 && options.replyTo && options.replyTo.channelId === channel.id
        ? { reply: { messageReference: options.replyTo, failIfNotExists: false } }
        : {};
    sent.push(await channel.send({ content, components, allowedMentions: NO_MENTIONS, flags: MessageFlags.SuppressEmbeds, ...reply }));
  }
  return sent;
}
