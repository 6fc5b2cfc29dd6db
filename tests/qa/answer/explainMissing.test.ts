import { describe, expect, it } from 'vitest';
import { caveatForParties, caveatForQuote, explainAbstention } from '../../../src/qa/answer/explainMissing.ts';
import { asker, buildIndex } from '../../support/qaFixtures.ts';
import { questionConstraints, unreportedConstraints } from '../../../src/qa/question/constraints.ts';

const report = { title: 'Apple results', date: '2009-07-21', text: 'Apple reported revenue of $8.34 billion for the third quarter. Sales rose from 2008.' };

describe('unreportedConstraints: the pinned years and periods an article does not report', () => {
  it('names them as a reader writes them, years first', () => {
    expect(unreportedConstraints(questionConstraints('What was Apple revenue in Q4 2011?'), report)).toEqual(['2011', 'the fourth quarter']);
    expect(unreportedConstraints(questionConstraints('Who scored in round 2 of the 14th edition?'), report)).toEqual(['the 14th edition', 'the second round']);
  });

  it('is empty when the article reports them (in its text or by its date) or nothing is pinned', () => {
    expect(unreportedConstraints(questionConstraints('What was Apple revenue in the third quarter of 2009?'), report)).toEqual([]);
    expect(unreportedConstraints(questionConstraints('What was revenue in 2008?'), report)).toEqual([]);
    expect(unreportedConstraints(questionConstraints('What did Apple report?'), report)).toEqual([]);
  });
});

/** An archive that uses every word but these. */
const knowsAllBut =
  (...unknown: string[]) =>
  (term: string) =>
    !unknown.includes(term);
const knowsAll = knowsAllBut();

describe('explainAbstention: why the best match is no answer', () => {
  it('says which pinned year or period the best-matching article does not report', () => {
    expect(explainAbstention(questionConstraints('What was Apple revenue in the fourth quarter of 2011?'), report, knowsAll)).toBe(
      '“Apple results” (2009-07-21), the best match, does not report 2011 or the fourth quarter.',
    );
  });

  it('names an edition the article does not report as the question writes it', () => {
    const awards = { title: 'Spotlight wins', date: '2016-02-29', text: 'The 88th Academy Awards were handed out in Hollywood.' };
    expect(explainAbstention(questionConstraints('Who hosted the 89th Academy Awards?'), awards, knowsAll)).toBe(
      '“Spotlight wins” (2016-02-29), the best match, does not report the 89th Academy Awards.',
    );
  });

  it('says an undated article does not mention the year (it has no date to report it by)', () => {
    expect(explainAbstention(questionConstraints('What was Apple revenue in 2011?'), { ...report, date: null }, knowsAll)).toBe(
      '“Apple results”, the best match, is undated and does not mention 2011.',
    );
  });

  it('judges an undated article as the abstention model does for the kind of archive', () => {
    const undated = { title: 'Apple results', date: null, text: 'In March 2009 Apple reported revenue of $8.34 billion.' };
    const constraints = questionConstraints('What was Apple revenue in May 2009?');
    // A news report without its date cannot be placed in a month: only its year is judged, and it writes 2009.
    expect(explainAbstention(constraints, undated, knowsAll)).toBe('');
    expect(unreportedConstraints(constraints, undated)).toEqual([]);
    // Where no article is dated (an encyclopaedia) the text is all there is: it names March, not May.
    expect(unreportedConstraints(constraints, undated, false)).toEqual(['May 2009']);
    expect(explainAbstention(constraints, undated, knowsAll, false)).toBe('“Apple results”, the best match, does not report May 2009.');
    // And being undated is no news there: the text just does not report the year.
    expect(caveatForQuote(questionConstraints('What was Apple revenue in 2011?'), undated, false)).toBe('The quoted article does not report 2011.');
    expect(caveatForQuote(questionConstraints('What was Apple revenue in 2011?'), undated)).toBe('The quoted article is undated and does not mention 2011.');
  });

  it('says nothing when the article reports everything the question pins', () => {
    expect(explainAbstention(questionConstraints('What was Apple revenue in the third quarter of 2009?'), report, knowsAll)).toBe('');
    expect(explainAbstention(questionConstraints('Who is Apple’s chief executive?'), report, knowsAll)).toBe('');
  });

  it('says which names the archive never mentions, first, as the question writes them', () => {
    const constraints = questionConstraints("How many died when Hurricane Milton hit Florida's coast in 2011?");
    expect(explainAbstention(constraints, report, knowsAllBut('milton'))).toBe(
      'It never mentions Hurricane Milton. “Apple results” (2009-07-21), the best match, does not report 2011.',
    );
    expect(explainAbstention(questionConstraints("What did Milton's spokesman say?"), undefined, knowsAllBut('milton'))).toBe('It never mentions Milton.');
    expect(explainAbstention(constraints, report, knowsAllBut('milton', 'florida'))).toMatch(/^It never mentions Hurricane Milton or Florida\./);
    expect(explainAbstention(questionConstraints('What did Apple say?'), report, knowsAll)).toBe('');
  });

  it('says which parties the best match never writes, unless no article mentions them at all', () => {
    const constraints = questionConstraints('Whom did Roger Federer beat in 2009?', undefined, (word) => word === 'roger');
    const match = { title: 'Nadal wins', date: '2009-06-11', text: 'Rafael Nadal beat Stan Wawrinka.' };
    expect(explainAbstention(constraints, match, knowsAll)).toBe('“Nadal wins” (2009-06-11), the best match, never mentions Federer.');
    expect(explainAbstention(constraints, { ...match, date: '2008-06-11' }, knowsAll)).toBe('“Nadal wins” (2008-06-11), the best match, does not report 2009 and never mentions Federer.');
    expect(explainAbstention(constraints, match, knowsAllBut('feder'))).toBe('It never mentions Roger Federer.');
    // A quote's date caveat leaves parties out: caveatForParties reads every quoted article.
    expect(caveatForQuote(constraints, match)).toBe('');
  });

  it('lists three at most, and counts the rest', () => {
    const many = questionConstraints('Did Alpha, Beta, Gamma, Delta or Epsilon report in 2001, 2002, 2003 or 2004?');
    expect(explainAbstention(many, report, () => false)).toBe(
      'It never mentions Alpha, Beta, Gamma or 2 more. “Apple results” (2009-07-21), the best match, does not report 2001, 2002, 2003 or 1 more.',
    );
  });

  it('cuts a long title (the sources list gives it in full) and copes with none', () => {
    const long = { ...report, title: 'A'.repeat(200) };
    const said = explainAbstention(questionConstraints('What was revenue in 2011?'), long, knowsAll);
    expect(said).toMatch(/^“A{89}…” \(2009-07-21\), the best match, does not report 2011\.$/);
    expect(explainAbstention(questionConstraints('What was revenue in 2011?'), { ...report, title: '' }, knowsAll)).toBe('The best match does not report 2011.');
  });
});

describe('caveatForQuote: what an answer adds when its article does not report a pinned year or period', () => {
  it('says so of a dated article, and of an undated one that does not write the year', () => {
    expect(caveatForQuote(questionConstraints('What was Apple revenue in the fourth quarter?'), report)).toBe('The quoted article does not report the fourth quarter.');
    expect(caveatForQuote(questionConstraints('What was Apple revenue in 2011?'), { ...report, date: null })).toBe('The quoted article is undated and does not mention 2011.');
    // Dated 2009-07-21, it neither was written in March 2009 nor names March.
    expect(caveatForQuote(questionConstraints('What did Apple report in March 2009?'), report)).toBe('The quoted article does not report March 2009.');
  });

  it('says nothing when the article reports what the question pins', () => {
    expect(caveatForQuote(questionConstraints('What was Apple revenue in the third quarter of 2009?'), report)).toBe('');
    expect(caveatForQuote(questionConstraints('What was Apple revenue?'), report)).toBe('');
  });
});

describe('caveatForParties: a party the question names that no quoted article writes', () => {
  const constraints = questionConstraints('What did Nadal tell Federer and Djokovic?', undefined, () => false);
  const nadal = { title: 'Nadal wins', date: '2009-06-11', text: 'Rafael Nadal beat Stan Wawrinka.' };
  const djokovic = { title: 'Djokovic speaks', date: '2009-06-12', text: 'Novak Djokovic praised the final.' };

  it('names them, for one quoted article or for two', () => {
    expect(caveatForParties(constraints, [nadal])).toBe('The quoted article never mentions Federer or Djokovic.');
    expect(caveatForParties(constraints, [nadal, djokovic])).toBe('Neither quoted article mentions Federer.');
  });

  it('says nothing when every party is written somewhere, or the question names none', () => {
    expect(caveatForParties(constraints, [nadal, djokovic, { ...nadal, text: 'Federer watched.' }])).toBe('');
    expect(caveatForParties(questionConstraints('What did he say?', undefined, () => false), [nadal])).toBe('');
    expect(caveatForParties(constraints, [])).toBe('');
  });
});

describe('ask(): the caveat and the note', () => {
  const harbour = { id: 'harbour', title: 'Harbour reopens', date: null, text: 'The harbour of Varna reopened on Friday after a storm, the port authority said. Ferries resumed on the evening tide.' };
  const fair = { id: 'fair', title: 'Book fair', date: '2021-04-02', text: 'The spring book fair drew record crowds to the riverside hall in Plovdiv.' };
  const vote = { id: 'vote', title: 'Council vote', date: '2021-05-11', text: 'The city council voted to extend the tram line to the airport.' };
  // Two of three articles dated: a news archive, whose undated article lost its date.
  const index = buildIndex([harbour, fair, vote]);
  const ask = asker(index, { abstainBelow: 0 });

  it('quotes, and says the undated article it quotes does not mention the year asked', async () => {
    const answer = await ask('When did the harbour of Varna reopen in 2020?');
    expect(answer.kind).toBe('answer');
    expect(answer.sentences[0]!.docId).toBe('harbour');
    expect(answer.note).toBe('The quoted article is undated and does not mention 2020.');
    expect(answer.answer).toMatch(/\[1\] \(The quoted article is undated and does not mention 2020\.\)$/);
  });

  it('takes the year the undated article’s URL gives as reported, and says nothing of it', async () => {
    const filed = { ...harbour, url: 'https://example.com/news/2020/03/harbour-reopens' };
    const answer = await asker(buildIndex([filed, fair, vote]), { abstainBelow: 0 })('When did the harbour of Varna reopen in 2020?');
    expect(answer.sentences[0]!.docId).toBe('harbour');
    expect(answer.note).toBeUndefined();
  });

  it('where most articles are undated, says only that the text does not report the year', async () => {
    const answer = await asker(buildIndex([harbour, fair, { ...vote, date: null }]), { abstainBelow: 0 })('When did the harbour of Varna reopen in 2020?');
    expect(answer.sentences[0]!.docId).toBe('harbour');
    expect(answer.note).toBe('The quoted article does not report 2020.');
  });

  it('carries no note when there is nothing to add', async () => {
    const answer = await ask('When did the harbour of Varna reopen?');
    expect(answer.kind).toBe('answer');
    expect(answer).not.toHaveProperty('note');
  });
});

describe('ask(): an edition the archive does not report', () => {
  const index = buildIndex([
    {
      id: 'oscars',
      title: 'Spotlight wins best picture',
      date: '2016-02-29',
      text: 'Spotlight won best picture when the 88th Academy Awards were handed out on Sunday night in Hollywood. Chris Rock hosted the ceremony at the Dolby Theatre.',
    },
    { id: 'fair', title: 'Book fair', date: '2021-04-02', text: 'The spring book fair drew record crowds to the riverside hall in Plovdiv.' },
  ]);
  const ask = asker(index);

  it('abstains, says which edition the best match does not report, and lists that article first', async () => {
    const answer = await ask('Who hosted the 89th Academy Awards ceremony?');
    expect(answer.kind).toBe('abstain');
    expect(answer.answer).toContain('“Spotlight wins best picture” (2016-02-29), the best match, does not report the 89th Academy Awards.');
    expect(answer.sources[0]!.docId).toBe('oscars');
  });
});
