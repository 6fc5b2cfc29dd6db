import { describe, expect, it } from 'vitest';
import { answerButtons, uncitedArticleIds } from '../../src/discord/answerButtons.ts';
import { formatAnswer } from '../../src/discord/format/formatAnswer.ts';
import { formatArticleList } from '../../src/discord/format/formatArticleList.ts';
import { formatFindSources } from '../../src/discord/format/formatFindSources.ts';
import type { Answer } from '../../src/qa/types.ts';
import type { Article } from '../../src/corpus/types.ts';

const answer: Answer = {
  question: 'Where did Jaishankar meet Lavrov in May 2023?',
  kind: 'answer',
  abstained: false,
  confidence: 0.8,
  answer: 'They met at a resort in Goa. [1][2]',
  sentences: [{ text: 'They met at a resort\nin Goa.', docId: 'd1', start: 0, end: 28, citation: 1, citations: [1, 2] }],
  sources: [
    { n: 1, docId: 'd1', title: 'Lavrov *in* Goa', date: '2023-05-04', outlet: 'PTI', url: 'https://example.com/x', file: 'a.txt' },
    { n: 2, docId: 'd2', title: 'Second', date: null, outlet: null, url: null, file: 'b.txt' },
  ],
  retrieved: [{ docId: 'd1', score: 1 }, { docId: 'd2', score: 0.9 }, { docId: 'd3', score: 0.5 }],
  timingsMs: { retrieve: 1, answer: 1, total: 2 },
};

describe('formatAnswer', () => {
  it('quotes each sentence on one line with its markers, then lists the sources', () => {
    expect(formatAnswer(answer)).toBe(
      [
        '> They met at a resort in Goa. [1][2]',
        '',
        '**Sources**',
        '[1] [Lavrov \\*in\\* Goa](<https://example.com/x>) — PTI — 2023-05-04',
        '[2] Second — undated',
      ].join('\n'),
    );
  });

  it('puts the answer’s note in small print under the quotes, escaped', () => {
    const text = formatAnswer({ ...answer, note: 'Read "Jaishanker" as "Jaishankar". The quoted article does not report the *fourth* quarter.' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '> They met at a resort in Goa. [1][2]',
      '-# Read "Jaishanker" as "Jaishankar". The quoted article does not report the \\*fourth\\* quarter.',
      '',
    ]);
  });

  it('says an abstention plainly and lists the closest articles', () => {
    const text = formatAnswer({ ...answer, kind: 'abstain', abstained: true, answer: 'The archive does not cover that.', sentences: [] });
    expect(text).toMatch(/^The archive does not cover that\.\n\n\*\*Closest articles\*\*\n• /);
  });

  // ask() marks invalid input (nothing left after cleaning) `abstained: true` by design; the
  // formatter must go by `kind`, or it would dress it up as an abstention with closest articles.
  it('shows invalid input as the plain message, never as an abstention with closest articles', () => {
    const message = 'Please ask a question in words, e.g. "Who met in Vientiane?"';
    const invalid: Answer = { ...answer, kind: 'invalid', abstained: true, confidence: 0, answer: message, sentences: [] };
    expect(formatAnswer(invalid)).toBe(message);
    expect(formatAnswer({ ...invalid, sources: [] })).toBe(message);
    const empty = formatAnswer({ ...invalid, answer: '' });
    expect(empty).toMatch(/^Please ask a question in words/);
    expect(empty).not.toMatch(/does not cover|Closest articles/);
  });

  it('shows small talk as the plain message, with no sources or closest articles', () => {
    const reply = 'Hello! Ask me a question about the news archive and I will quote the sentences that answer it, with their sources.';
    expect(formatAnswer({ ...answer, kind: 'smalltalk', abstained: false, confidence: 1, answer: reply, sentences: [] })).toBe(reply);
    expect(formatAnswer({ ...answer, kind: 'smalltalk', abstained: true, confidence: 1, answer: reply, sentences: [] })).toBe(reply);
  });

  it('shows "what\u2019s new" (kind latest) as a numbered list of the newest articles: title, outlet, date; no quote, no buttons', () => {
    const latest: Answer = { ...answer, kind: 'latest', answer: 'The newest articles in the archive:', sentences: [], retrieved: [] };
    expect(formatAnswer(latest)).toBe(
      [
        '**The newest articles in the archive**',
        '1. [Lavrov \\*in\\* Goa](<https://example.com/x>) — PTI — 2023-05-04',
        '2. Second — undated',
        '-# `/sources` lists every article, newest first. Ask about any of them for a quoted answer.',
      ].join('\n'),
    );
    expect(answerButtons('k', latest)).toEqual([]);
    expect(formatAnswer({ ...latest, sources: [] })).toMatch(/^The archive is empty/);
  });

  it('heads "Find sources" with the message checked, on one line and cut short', () => {
    const text = formatFindSources(`**Lavrov** met\nJaishankar ${'very '.repeat(50)}long`, answer);
    const [first, ...rest] = text.split('\n');
    expect(first).toMatch(/^-# Sources for: “\\\*\\\*Lavrov\\\*\\\* met Jaishankar very .*…”$/);
    expect(first!.length).toBeLessThan(200);
    expect(rest.join('\n')).toBe(formatAnswer(answer));
  });

  it('never leaves a raw URL that Discord would preview', () => {
    expect(formatAnswer(answer)).not.toMatch(/(?<!<)https?:\/\//);
  });
});

describe('answerButtons', () => {
  it('offers More sources only for retrieved articles beyond the cited ones', () => {
    expect(uncitedArticleIds(answer)).toEqual(['d3']);
    const ids = answerButtons('k', answer)[0]!.toJSON().components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['more:k', 'passage:k', 'vote:up:k', 'vote:down:k']);
    const noMore = answerButtons('k', { ...answer, retrieved: answer.retrieved.slice(0, 2) })[0]!.toJSON().components;
    expect(noMore).toHaveLength(3);
  });
  it('puts no buttons under small talk', () => {
    expect(answerButtons('k', { ...answer, kind: 'smalltalk' })).toEqual([]);
  });
});

describe('formatArticleList', () => {
  const articles: Article[] = Array.from({ length: 23 }, (_, i) => ({
    id: `a${i}`, title: `Title ${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, outlet: null, dateline: null, url: null, file: 'f', text: '',
  }));
  it('pages ten at a time and clamps the page', () => {
    const last = formatArticleList(articles, 99);
    expect([last.page, last.pageCount]).toEqual([2, 3]);
    expect(last.text).toContain('21. Title 20 — 2024-01-21');
    expect(last.text.split('\n')).toHaveLength(4);
  });
});
