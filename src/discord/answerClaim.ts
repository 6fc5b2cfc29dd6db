import { answerButtons } from './answerButtons.ts';
import type { RenderedAnswer } from './answerQuestion.ts';
import { formatFindSources } from './format/formatFindSources.ts';
import { splitMessage } from './splitMessage.ts';
import type { BotContext } from './types.ts';

/**
 * "Find sources": the archive's sentences that support a message's text, or that nothing
 * does and the closest articles. Remembered like an answer, so its buttons work.
 */
export async function answerClaim(ctx: BotContext, claim: string, userId: string): Promise<RenderedAnswer> {
  const answer = await ctx.archive.findSources(claim);
  const key = ctx.answers.remember({ question: claim, userId, answer });
  ctx.log.debug({ kind: answer.kind, confidence: answer.confidence, ms: answer.timingsMs.total }, 'sources found');
  return { messages: splitMessage(formatFindSources(claim, answer)), components: answerButtons(key, answer) };
}
