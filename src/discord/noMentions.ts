import type { MessageMentionOptions } from 'discord.js';

/**
 * Allowed mentions for every message the bot sends: nobody is pinged, not @everyone, not a
 * role, not a user, not even the person whose message is replied to. Questions may contain
 * any of those, and quoted text is echoed back.
 */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false }) as MessageMentionOptions;
