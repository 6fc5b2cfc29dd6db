import { Events } from 'discord.js';
import { answerQuestion } from '../answerQuestion.ts';
import { chooseAnswerChannel } from '../chooseAnswerChannel.ts';
import { cleanQuestion } from '../cleanQuestion.ts';
import { decideTrigger } from '../decideTrigger.ts';
import { EMPTY_QUESTION_MESSAGE, ERROR_MESSAGE, rateLimitedMessage } from '../format/politeMessages.ts';
import { sendToChannel } from '../sendToChannel.ts';
import type { Event } from '../types.ts';

/** Show "typing…" only when an answer takes longer than this. */
const TYPING_AFTER_MS = 1000;

/**
 * Messages: answer mentions, DMs, messages in `ASK_CHANNEL_IDS`, and messages in threads the
 * bot answered in. The conversation is the channel the answer goes to (a thread inside
 * threads, the DM channel in DMs), so follow-ups resolve against its recent turns.
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
      if (!message.channel.isSendable()) return;

      const question = cleanQuestion(message.content, botId);
      if (!question) {
        // Empty content in a listened channel means the Message Content intent is off: stay quiet.
        if (trigger === 'mention' || trigger === 'dm') await sendToChannel(message.channel, [EMPTY_QUESTION_MESSAGE], { replyTo: message });
        return;
      }
      const allowed = ctx.limiter.take(message.author.id);
      if (!allowed.ok) {
        await sendToChannel(message.channel, [rateLimitedMessage(allowed.retryAfterMs)], { replyTo: message });
        return;
      }
      ctx.log.debug({ trigger, channelId: message.channelId, userId: message.author.id }, 'question');

      const target = await chooseAnswerChannel(ctx, message, question);
      if (target.isThread()) ctx.threads.set(target.id, true);
      const typing = setTimeout(() => void target.sendTyping().catch(() => undefined), TYPING_AFTER_MS);
      let rendered;
      try {
        rendered = await answerQuestion(ctx, question, message.author.id, { conversationId: target.id });
      } finally {
        clearTimeout(typing);
      }
      await sendToChannel(target, rendered.messages, { replyTo: message, components: rendered.components });
    } catch (err) {
      ctx.log.error({ err, messageId: message.id, channelId: message.channelId }, 'failed to answer a message');
      try {
        if (message.channel.isSendable()) await sendToChannel(message.channel, [ERROR_MESSAGE], { replyTo: message });
      } catch (replyErr) {
        ctx.log.warn({ err: replyErr }, 'could not tell the user about an error');
      }
    }
  },
} satisfies Event<Events.MessageCreate>;
