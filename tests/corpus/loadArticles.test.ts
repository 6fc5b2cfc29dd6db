import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.ts';
import { segmentArticle } from '../../src/corpus/segmentArticle.ts';

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));

describe('loadArticles on the seeds', () => {
  it('loads all five seeds with their ids, titles, dates and outlets', async () => {
    const { articles, skipped } = await loadArticles(seedsDir);
    expect(skipped).toEqual([]);
    expect(articles.map(({ id, title, date, outlet }) => ({ id, title, date, outlet }))).toEqual([
      {
        id: '000_f369db645636c1c7',
        title: 'Vientiane: External Affairs Minister S Jaishankar met his Russian counterpart Sergey Lavrov on the…',
        date: '2024-07-26',
        outlet: null,
      },
      {
        id: '001_ff5f5ba148e191cb',
        title: 'Top diplomats talk about two-sided relations ahead of Modi’s trip to Moscow',
        date: '2024-07-17',
        outlet: 'MENAFN',
      },
      {
        id: '002_d97138b7c8b56079',
        title: 'Russian Foreign Minister Sergey Lavrov, who arrived in India to attend a meeting of the Shanghai…',
        date: '2023-05-04',
        outlet: 'PTI',
      },
      {
        id: '003_efe2fcb9701c267e',
        title: 'Indo-Russia ties very strong, very steady: Jaishankar as he meets Lavrov',
        date: '2023-12-27',
        outlet: 'PTI',
      },
      {
        id: '004_7ba094462437808a',
        title: 'Indian Foreign Minister Subrahmanyam Jaishankar on Wednesday (Dec 27) held wide-ranging talks with…',
        date: '2023-12-28',
        outlet: null,
      },
    ]);
  });

  it('cites seed files by their path relative to the working directory', async () => {
    const { articles } = await loadArticles(seedsDir);
    expect(articles[0]?.file).toBe(join('seeds', '000_f369db645636c1c7.txt'));
    expect(articles.every((a) => a.url === null)).toBe(true);
  });

  it.each(['Also Read', 'Legal Disclaimer', 'IPL', 'WhatsApp', 'Apple', 'Follow Us', 'MENAFN1', 'min read', 'Home /', 'LinkedIN', 'Topics :', 'First Published', 'Next Story'])(
    'leaves no "%s" in any chunk of any seed',
    async (chrome) => {
      const { articles } = await loadArticles(seedsDir);
      const chunkTexts = articles.flatMap((a) => segmentArticle(a).chunks.map((c) => a.text.slice(c.start, c.end)));
      expect(chunkTexts.length).toBeGreaterThan(10);
      expect(chunkTexts.filter((t) => t.includes(chrome))).toEqual([]);
    },
  );

  it('loads a single file path as one article', async () => {
    const { articles, skipped } = await loadArticles(join(seedsDir, '002_d97138b7c8b56079.txt'));
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['002_d97138b7c8b56079']);
    expect(articles[0]?.text.startsWith('Russian Foreign Minister Sergey Lavrov')).toBe(true);
  });
});

describe('loadArticles on files of every kind', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archivist-corpus-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads YAML front matter and strips Markdown from a .md article', async () => {
    await writeFile(
      join(dir, 'talks.md'),
      [
        '---',
        'title: Ministers meet in Geneva',
        'date: 2024-03-05',
        'url: https://example.com/talks',
        'source: Example Times',
        '---',
        '# Ministers meet in Geneva',
        '',
        'The **ministers** met in _Geneva_ on Tuesday. They agreed to [talk again](https://example.com/next).',
        '',
        '## Next steps',
        '',
        'A second round is planned.',
      ].join('\n'),
    );
    const { articles, skipped } = await loadArticles(dir);
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: 'talks',
      title: 'Ministers meet in Geneva',
      date: '2024-03-05',
      outlet: 'Example Times',
      url: 'https://example.com/talks',
      text: 'The ministers met in Geneva on Tuesday. They agreed to talk again.\n\nNext steps\n\nA second round is planned.',
    });
  });

  it('loads good JSONL lines and skips a bad line and a duplicate id by line number', async () => {
    const lines = [
      JSON.stringify({ id: 'a1', title: 'First', text: 'Alpha text. More alpha.', date: '2024-01-02', url: 'https://e.com/a1', source: 'Wire' }),
      '{"id": "a2", "title": "Broken", "text": ',
      JSON.stringify({ id: 7, title: 'Numeric id', text: 'Seven text.' }),
      JSON.stringify({ id: 'a1', title: 'Again', text: 'Duplicate text.' }),
      JSON.stringify({ id: 'a3', title: 'No text' }),
      '',
    ];
    await writeFile(join(dir, 'corpus.jsonl'), lines.join('\n'));
    const { articles, skipped } = await loadArticles(join(dir, 'corpus.jsonl'));
    expect(articles.map((a) => [a.id, a.title, a.date, a.outlet, a.url, a.text])).toEqual([
      ['a1', 'First', '2024-01-02', 'Wire', 'https://e.com/a1', 'Alpha text. More alpha.'],
      ['7', 'Numeric id', null, null, null, 'Seven text.'],
    ]);
    expect(articles[0]?.file).toBe(`${join(dir, 'corpus.jsonl')}#a1`);
    // In line order: the file is streamed.
    expect(skipped.map((s) => s.file)).toEqual([
      `${join(dir, 'corpus.jsonl')}:2`,
      `${join(dir, 'corpus.jsonl')}:4`,
      `${join(dir, 'corpus.jsonl')}:5`,
    ]);
    expect(skipped[0]?.reason).toMatch(/invalid JSON/);
    expect(skipped[1]?.reason).toMatch(/duplicate id "a1"/);
    expect(skipped[2]?.reason).toMatch(/"text"/);
  });

  it('skips empty, binary, non-UTF-8 and unknown files with a reason and loads the rest', async () => {
    await writeFile(join(dir, 'good.txt'), 'Good headline\n\nThe good article has one sentence.');
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait.')]));
    await writeFile(join(dir, 'scan.pdf'), '%PDF-1.4');
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => [a.id, a.title, a.text])).toEqual([['good', 'Good headline', 'The good article has one sentence.']]);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file.split(/[\\/]/).pop(), s.reason]));
    expect(reasons).toEqual({
      'binary.txt': expect.stringMatching(/binary file \(NUL byte at offset 2\)/),
      'empty.txt': expect.stringMatching(/empty file/),
      'latin1.txt': 'not UTF-8 (invalid byte at offset 3); save it as UTF-8',
      'scan.pdf': expect.stringMatching(/unsupported file type "\.pdf"; use \.txt, \.md or \.jsonl/),
    });
  });

  it('skips dotfiles and dot-folders silently, reads sub-folders, and sorts by path', async () => {
    await mkdir(join(dir, 'b'));
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'b', 'two.txt'), 'Second article text.');
    await writeFile(join(dir, 'a.txt'), 'First article text.');
    await writeFile(join(dir, '.DS_Store'), Buffer.from([0, 1, 2]));
    await writeFile(join(dir, '.git', 'HEAD.txt'), 'ref: refs/heads/main');
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['a', 'two']);
    expect(skipped).toEqual([]);
  });

  it('strips a BOM and turns CRLF into LF', async () => {
    await writeFile(join(dir, 'win.txt'), '\ufeffHeadline here\r\n\r\nFirst line.\r\nSecond line.\r\n');
    const { articles } = await loadArticles(dir);
    expect(articles[0]?.title).toBe('Headline here');
    expect(articles[0]?.text).toBe('First line.\nSecond line.');
  });

  it('skips a file whose id is already used by another file', async () => {
    await mkdir(join(dir, 'x'));
    await mkdir(join(dir, 'y'));
    await writeFile(join(dir, 'x', 'same.txt'), 'From x.');
    await writeFile(join(dir, 'y', 'same.md'), 'From y.');
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => a.text)).toEqual(['From x.']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/duplicate id "same"/);
  });

  it('throws CORPUS_NOT_FOUND naming the path and the fix when the path does not exist', async () => {
    const missing = join(dir, 'nope');
    await expect(loadArticles(missing)).rejects.toMatchObject({
      code: 'CORPUS_NOT_FOUND',
      message: expect.stringMatching(/nope.*--corpus <dir\|file\.jsonl>.*CORPUS_DIR/),
    });
  });
});
