import { describe, expect, it } from 'vitest';
import { cleanQuestion, hasWords, MAX_QUESTION_CHARS } from '../../src/discord/cleanQuestion.ts';

describe('cleanQuestion', () => {
  it('strips the bot mention in both forms and collapses whitespace', () => {
    expect(cleanQuestion('<@42>  Where did   they meet?\n<@!42>', '42')).toBe('Where did they meet?');
  });
  it('keeps other mentions and markdown as text', () => {
    expect(cleanQuestion('<@42> @everyone <@123> <@&456> **why**?', '42')).toBe('@everyone <@123> <@&456> **why**?');
  });
  it('is empty for a bare mention', () => expect(cleanQuestion('<@42>', '42')).toBe(''));
  it('caps very long questions at a word boundary', () => {
    const q = cleanQuestion('word '.repeat(1000), '42');
    expect(q.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(q.endsWith('word')).toBe(true);
  });
});

describe('hasWords', () => {
  it('sees words in any script, and digits', () => {
    for (const text of ['Lavrov met Jaishankar', 'Что нового?', '2024', '**why**']) expect(hasWords(text), text).toBe(true);
  });
  it('sees none in mentions, custom emoji and markdown symbols alone', () => {
    for (const text of ['', '<@123456> <@!42> <@&456> <#789>', '<:party:1100000000000004002> <a:wave:12>', '** > ~~ ||']) expect(hasWords(text), text).toBe(false);
  });
});
