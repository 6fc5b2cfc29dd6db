import type { ActionRowBuilder, ButtonBuilder } from 'discord.js';
import type { AskOptions } from '../qa/types.ts';
import { answerButtons } from './answerButtons.ts';
import { formatAnswer } from './format/formatAnswer.ts';
import { splitMessage } from './splitMessage.ts';
import type { BotContext } from './types.ts';

/** An answer ready to send: one or more messages; the buttons go under the last one. */
export interface RenderedAnswer {
  messages: string[];
  components: ActionRowBuilder<ButtonBuilder>[];
}

/**
 * Both faces of a question in Discord (a message, `/ask`) come through here: ask the archive,
 * remember the answer for its buttons, format and split it.
 */
export async function answerQuestion(
  ctx: BotContext,
  question: string,
  userId: string,
  options: AskOptions,
): Promise<RenderedAnswer> {
  const answer = await ctx.archive.ask(question, options);
  const key = ctx.answers.remember({ question, userId, answer });
  ctx.log.debug({ kind: answer.kind, confidence: answer.confidence, ms: answer.timingsMs.total }, 'answered');
  return { messages: splitMessage(formatAnswer(answer)), components: answerButtons(key, answer) };
}
