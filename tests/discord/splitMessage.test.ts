import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT, splitMessage } from '../../src/discord/splitMessage.ts';

const sentence = (i: number) => `Sentence number ${i} says something about Jaishankar and Lavrov meeting again. [${(i % 3) + 1}]`;
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/> /g, '').trim();

describe('splitMessage', () => {
  it('leaves a short message whole', () => {
    expect(splitMessage('hello [1]')).toEqual(['hello [1]']);
  });

  it('returns nothing for blank text', () => {
    expect(splitMessage('   ')).toEqual([]);
  });

  it('cuts a long text into messages of at most 2,000 characters, losing nothing', () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join('\n');
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(squash(parts.join('\n'))).toBe(squash(text));
  });

  it('breaks at line boundaries when lines fit', () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join('\n');
    for (const p of splitMessage(text)) {
      expect(p.split('\n').every((line) => /^Sentence number \d+ .*\[\d\]$/.test(line))).toBe(true);
    }
  });

  it('breaks one long line at sentence ends and keeps [n] markers with their sentence', () => {
    const line = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const parts = splitMessage(line, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p).toMatch(/^Sentence number/);
      expect(p).toMatch(/again\. \[\d\]$/);
    }
  });

  it('keeps the blockquote prefix on every piece of a cut quote line', () => {
    const line = `> ${Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ')}`;
    const parts = splitMessage(line, 400);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) for (const l of p.split('\n')) expect(l.startsWith('> ')).toBe(true);
  });

  it('cuts a sentence with no ends at spaces, and a giant word hard', () => {
    const words = Array.from({ length: 400 }, () => 'word').join(' ');
    for (const p of splitMessage(words, 100)) expect(p.length).toBeLessThanOrEqual(100);
    const giant = 'x'.repeat(4500);
    const parts = splitMessage(giant);
    expect(parts.map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe('splitMessage with paragraphs', () => {
  it('keeps a paragraph (a heading and its quote) together when it fits', () => {
    const paragraph = (i: number) => `**${i}.** Title ${i} — 2024-07-26\n> ${'Some quoted words here. '.repeat(25).trim()}`;
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(p).toMatch(/^\*\*\d\.\*\* Title/);
      expect(p).toMatch(/here\.$/);
    }
  });
});
