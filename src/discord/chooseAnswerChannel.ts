import { ChannelType, type Message, type SendableChannels } from 'discord.js';
import type { BotContext } from './types.ts';

/** Longest thread name Discord accepts. */
const THREAD_NAME_MAX = 100;

/**
 * Where to answer a message: a new thread under it when `ANSWER_IN_THREAD` is on and the
 * message sits in a guild text channel, else the message's own channel (DM, thread, or inline).
 * If the thread cannot be created the answer goes inline; the failure is logged.
 */
export async function chooseAnswerChannel(ctx: BotContext, message: Message, question: string): Promise<SendableChannels> {
  const channel = message.channel;
  const canThread =
    ctx.config.ANSWER_IN_THREAD &&
    message.inGuild() &&
    (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement);
  if (canThread) {
    try {
      const name = question.length <= THREAD_NAME_MAX ? question : `${question.slice(0, THREAD_NAME_MAX - 1)}…`;
      return await message.startThread({ name });
    } catch (err) {
      ctx.log.warn({ err, channelId: channel.id }, 'could not start a thread; answering inline');
    }
  }
  if (!channel.isSendable()) throw new Error(`channel ${channel.id} (type ${channel.type}) cannot be sent to`);
  return channel;
}
