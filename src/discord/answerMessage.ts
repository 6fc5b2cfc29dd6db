import type { Message } from 'discord.js';
import { answerQuestion } from './answerQuestion.ts';
import { chooseAnswerChannel } from './chooseAnswerChannel.ts';
import { ERROR_MESSAGE } from './format/politeMessages.ts';
import { sendToChannel } from './sendToChannel.ts';
import type { BotContext } from './types.ts';

/** Show "typing…" only when an answer takes longer than this. */
const TYPING_AFTER_MS = 1000;

/**
 * Answers one question asked in a message and delivers the reply (in a new thread under it when
 * `ANSWER_IN_THREAD` is on). The conversation is the channel the answer goes to (a thread inside
 * threads, the DM channel in DMs), so follow-ups resolve against its recent turns. A failure is
 * logged and answered with a short apology; it never throws.
 */
export async function answerMessage(ctx: BotContext, message: Message, question: string): Promise<void> {
  try {
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
}
