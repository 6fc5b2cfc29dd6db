import { Events } from 'discord.js';
import { answerMessage } from '../answerMessage.ts';
import { cleanQuestion } from '../cleanQuestion.ts';
import { decideTrigger } from '../decideTrigger.ts';
import { EMPTY_QUESTION_MESSAGE, rateLimitedMessage } from '../format/politeMessages.ts';
import { sendToChannel } from '../sendToChannel.ts';
import type { Event } from '../types.ts';

/**
 * Messages: answer mentions, DMs, messages in `ASK_CHANNEL_IDS`, and messages in threads the
 * bot answered in. Every question counts against its asker's fair-use bucket; past it the
 * asker is told once per throttled stretch and further questions are skipped quietly. Replies
 * in a channel go out in the order the questions arrived.
 */
export default {
  name: Events.MessageCreate,
  async execute(ctx, message) {
    try {
      const botId = ctx.client.user?.id;
      if (!botId) return;
      const trigger = decideTrigger(
        {
          authorIsBot: message.author.bot,
          isSystem: message.system,
          isDM: !message.inGuild(),
          channelId: message.channelId,
          mentionsBot: message.mentions.users.has(botId),
        },
        { askChannelIds: ctx.config.ASK_CHANNEL_IDS, isAnsweredThread: (id) => ctx.threads.has(id) },
      );
      if (!trigger) return;
      const channel = message.channel;
      if (!channel.isSendable()) return;

      const question = cleanQuestion(message.content, botId);
      // Empty content in a listened channel means the Message Content intent is off: stay quiet.
      if (!question && trigger !== 'mention' && trigger !== 'dm') return;
      // Every reply counts, the "ask me in words" one too, so bare mentions cannot flood a channel.
      const allowed = ctx.limiter.take(message.author.id);
      if (!allowed.ok) {
        ctx.log.debug({ userId: message.author.id, notify: allowed.notify }, 'question over the fair-use limit');
        if (allowed.notify) {
          await ctx.replies.run(message.channelId, () => sendToChannel(channel, [rateLimitedMessage(allowed.retryAfterMs, true)], { replyTo: message }));
        }
        return;
      }
      if (!question) {
        await ctx.replies.run(message.channelId, () => sendToChannel(channel, [EMPTY_QUESTION_MESSAGE], { replyTo: message }));
        return;
      }
      ctx.log.debug({ trigger, channelId: message.channelId, userId: message.author.id }, 'question');
      await ctx.replies.run(message.channelId, () => answerMessage(ctx, message, question));
    } catch (err) {
      ctx.log.error({ err, messageId: message.id, channelId: message.channelId }, 'failed to handle a message');
    }
  },
} satisfies Event<Events.MessageCreate>;
