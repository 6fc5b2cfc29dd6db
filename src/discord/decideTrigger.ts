/** Why the bot answers a message. */
export type Trigger = 'mention' | 'dm' | 'ask-channel' | 'thread';

/** What the bot knows about an incoming message. */
export interface MessageFacts {
  authorIsBot: boolean;
  /** A system message (pins, joins, thread created…). */
  isSystem: boolean;
  isDM: boolean;
  channelId: string;
  /** The bot user itself is mentioned (not @everyone, not a role). */
  mentionsBot: boolean;
}

export interface TriggerRules {
  askChannelIds: readonly string[];
  /** Threads the bot created or answered in. */
  isAnsweredThread: (channelId: string) => boolean;
}

/**
 * Whether (and why) to answer a message. Bots, the bot itself included, and system messages
 * are never answered. Pure.
 */
export function decideTrigger(facts: MessageFacts, rules: TriggerRules): Trigger | undefined {
  if (facts.authorIsBot || facts.isSystem) return undefined;
  if (facts.mentionsBot) return 'mention';
  if (facts.isDM) return 'dm';
  if (rules.askChannelIds.includes(facts.channelId)) return 'ask-channel';
  if (rules.isAnsweredThread(facts.channelId)) return 'thread';
  return undefined;
}
