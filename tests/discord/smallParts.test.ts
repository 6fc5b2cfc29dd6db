import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { chooseIntents } from '../../src/discord/chooseIntents.ts';
import { decodeCustomId, encodeCustomId } from '../../src/discord/customId.ts';
import { Lru } from '../../src/discord/lru.ts';
import { normalizeDate } from '../../src/discord/normalizeDate.ts';

describe('chooseIntents', () => {
  it('asks for Message Content only when listening to whole channels', () => {
    expect(chooseIntents([])).not.toContain(GatewayIntentBits.MessageContent);
    expect(chooseIntents([])).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages]);
    expect(chooseIntents(['123456'])).toContain(GatewayIntentBits.MessageContent);
  });
});

describe('customId', () => {
  it('round-trips a name and its args', () => {
    expect(decodeCustomId(encodeCustomId('vote', 'up', 'k1.2'))).toEqual({ name: 'vote', args: ['up', 'k1.2'] });
  });
  it('refuses ids over Discord’s 100 characters', () => {
    expect(() => encodeCustomId('x', 'y'.repeat(100))).toThrow(RangeError);
  });
});

describe('Lru', () => {
  it('drops the least recently used entry past its bound', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1).set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c'), lru.size]).toEqual([true, false, true, 2]);
  });
});

describe('normalizeDate', () => {
  it('widens a year or month to its first or last day', () => {
    expect(normalizeDate('2024', 'start')).toBe('2024-01-01');
    expect(normalizeDate('2024', 'end')).toBe('2024-12-31');
    expect(normalizeDate('2024-02', 'end')).toBe('2024-02-29');
    expect(normalizeDate('2023-5-4', 'start')).toBe('2023-05-04');
  });
  it('is undefined for text that is not a date', () => {
    expect(normalizeDate('yesterday', 'start')).toBeUndefined();
    expect(normalizeDate('2024-13', 'start')).toBeUndefined();
    expect(normalizeDate('2023-02-29', 'start')).toBeUndefined();
  });
});
