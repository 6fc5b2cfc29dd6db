import { describe, expect, it } from 'vitest';
import { decideTrigger, type MessageFacts } from '../../src/discord/decideTrigger.ts';

const base: MessageFacts = { authorIsBot: false, isSystem: false, isDM: false, channelId: 'c1', mentionsBot: false };
const rules = { askChannelIds: ['ask'], isAnsweredThread: (id: string) => id === 'thread' };

describe('decideTrigger', () => {
  it('answers a mention anywhere', () => expect(decideTrigger({ ...base, mentionsBot: true }, rules)).toBe('mention'));
  it('answers a DM', () => expect(decideTrigger({ ...base, isDM: true }, rules)).toBe('dm'));
  it('answers any message in an ask channel', () => expect(decideTrigger({ ...base, channelId: 'ask' }, rules)).toBe('ask-channel'));
  it('answers in a thread it answered in', () => expect(decideTrigger({ ...base, channelId: 'thread' }, rules)).toBe('thread'));
  it('ignores other channels without a mention', () => expect(decideTrigger(base, rules)).toBeUndefined());
  it('ignores bots, itself included, even when they mention it', () =>
    expect(decideTrigger({ ...base, authorIsBot: true, mentionsBot: true, isDM: true }, rules)).toBeUndefined());
  it('ignores system messages', () => expect(decideTrigger({ ...base, isSystem: true, channelId: 'ask' }, rules)).toBeUndefined());
});
