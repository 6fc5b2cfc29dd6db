import { describe, expect, it } from 'vitest';
import { cleanQuestion, hasSearchableText, MAX_QUESTION_CHARS } from '../../src/qa/question/cleanQuestion.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

const clean = (raw: string) => cleanQuestion(raw).text;

describe('cleanQuestion (src/qa)', () => {
  it('removes user, role and channel mentions', () => {
    expect(clean('<@123456789012345678> Where did they meet?')).toBe('Where did they meet?');
    expect(clean('<@!123456789012345678> Where <@&42> did <#987654321> they meet?')).toBe('Where did they meet?');
  });

  it('removes @everyone and @here so nothing can ping a crowd', () => {
    const text = clean('@everyone @here Where did they meet? @Everyone');
    expect(text).toBe('Where did they meet?');
    expect(text).not.toMatch(/@(everyone|here)/i);
  });

  it('keeps a custom emoji’s name, not its markup', () => {
    expect(clean('Who won <:trophy:123456789> the cup?')).toBe('Who won trophy the cup?');
  });

  it('strips markdown: emphasis, code, strike, spoilers, quotes, headings, links', () => {
    // (A removed closing marker may leave a space before the '?'.)
    expect(clean('Who **won** the __final__?')).toMatch(/^Who won the final ?\?$/);
    expect(clean('Who *won* the _final_?')).toBe('Who won the final?');
    expect(clean('What does `quota` mean?')).toBe('What does quota mean?');
    expect(clean('Who ~~lost~~ won? ||spoiler||')).toBe('Who lost won? spoiler');
    expect(clean('> Where did they meet?')).toBe('Where did they meet?');
    expect(clean('# Where did they meet?')).toBe('Where did they meet?');
    expect(clean('What did [the minister](https://example.com/x) say?')).toBe('What did the minister say?');
    expect(clean('```ts\nWhere did they meet?\n```')).toBe('Where did they meet?');
  });

  it('removes zero-width and bidi control characters', () => {
    expect(clean('Wh\u200Bere did\u200D they\uFEFF meet\u2060?')).toBe('Where did they meet?');
    expect(clean('\u202EWhere did they meet?\u202C')).toBe('Where did they meet?');
    expect(clean('Jaishan\u00ADkar')).toBe('Jaishankar');
  });

  it('turns control characters into spaces and collapses whitespace', () => {
    expect(clean('Where\u0007did\u0000they\u001Fmeet?')).toBe('Where did they meet?');
    expect(clean('  Where\n\n did \t they   meet?  ')).toBe('Where did they meet?');
  });

  it('normalises compatibility forms (NFKC)', () => {
    expect(clean('Ｗhere did they meet？')).toBe('Where did they meet?');
  });

  it('leaves a plain question as it is, not truncated', () => {
    expect(cleanQuestion('Where did Jaishankar meet Lavrov in May 2023?')).toEqual({ text: 'Where did Jaishankar meet Lavrov in May 2023?', truncated: false });
  });

  it('cuts a long input at a word boundary within the limit, and says so', () => {
    const { text, truncated } = cleanQuestion(`Where did they meet ${'again and '.repeat(200)}?`);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(text.length).toBeGreaterThan(MAX_QUESTION_CHARS - 20);
    expect(text.startsWith('Where did they meet again')).toBe(true);
    expect(text).toMatch(/(again|and)$/);
  });

  it('counts the limit after cleaning (markup does not use it up)', () => {
    const q = 'Where did they meet?';
    expect(cleanQuestion(`${'<@123456789012345678> '.repeat(40)}${q}`)).toEqual({ text: q, truncated: false });
  });

  it('is empty, not truncated, for nothing at all', () => {
    expect(cleanQuestion('')).toEqual({ text: '', truncated: false });
    expect(cleanQuestion('<@1> \u200B ** ')).toEqual({ text: '', truncated: false });
  });
});

describe('hasSearchableText', () => {
  it.each(['Where?', '2023', '東京', 'Москва'])('%j has something to search', (text) => {
    expect(hasSearchableText(text)).toBe(true);
  });

  it.each(['', '   ', '???', '!!! ...', '🙂🎉'])('%j has nothing to search', (text) => {
    expect(hasSearchableText(text)).toBe(false);
  });
});

describe('ask(): cleaned input', () => {
  const index = () =>
    buildIndex([
      { id: 'port', title: 'Port closed', text: 'The port of Varna will stay closed until Friday, officials said. Ships are waiting offshore.' },
      { id: 'fair', title: 'Book fair', text: 'The spring book fair drew record crowds to the riverside hall.' },
    ]);

  it('answers the cleaned question and echoes it without ping syntax', async () => {
    const answer = await asker(index(), { abstainBelow: 0 })('<@123456789012345678> @everyone **Until when** will the port of `Varna` stay closed?\u200B');
    expect(answer.question).toBe('Until when will the port of Varna stay closed?');
    expect(answer.kind).toBe('answer');
    expect(answer.sentences[0]!.docId).toBe('port');
    expect(answer.answer).not.toMatch(/@everyone|<@/);
  });

  it('notes in the answer that a long question was cut', async () => {
    const long = `Until when will the port of Varna stay closed ${'and why '.repeat(100)}?`;
    const answer = await asker(index(), { abstainBelow: 0 })(long);
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(answer.kind).toBe('answer');
    expect(answer.answer).toMatch(/long/i);
  });
});
