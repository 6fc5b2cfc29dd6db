import { describe, expect, it } from 'vitest';
import { analyzeQuestion, asideTermsOf, kindTermsOf } from '../../src/qa/question/analyzeQuestion.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';
import { asker, buildIndex } from '../support/qaFixtures.ts';

describe('kindTermsOf / asideTermsOf', () => {
  it.each([
    ['In what year was the organisation founded?', ['year']],
    ['Which Laotian city hosted the talks?', ['citi']],
    ['How many times had they met?', ['time']],
    ['What kind of world order did they agree on?', ['kind']],
    ['How many Indian nationals are in the war zone?', []],
    ['What did the minister sign?', []],
  ])('%s → the answer’s kind: %j', (question, expected) => {
    expect(kindTermsOf(question)).toEqual(expected);
  });

  it.each([
    ['Besides oil, which Russian commodity has India imported?', ['oil']],
    ['Apart from Indian nationals, what did they discuss?', ['indian', 'nation']],
    ['What did they discuss other than the war?', ['war']],
    ['What did they discuss?', []],
  ])('%s → set aside: %j', (question, expected) => {
    expect(asideTermsOf(question)).toEqual(expected);
  });
});

describe('analyzeQuestion: prepositions spelled as phrases name nothing', () => {
  it.each([
    ['According to the Russian side, what did they agree?', ['russian', 'side', 'agre']],
    ['What did they discuss prior to the summit?', ['discuss', 'summit']],
    ['Who spoke on behalf of India, as well as Russia?', ['speak', 'india', 'russia']],
  ])('%s → %j', (question, terms) => {
    expect(analyzeQuestion(question).terms).toEqual(terms);
  });

  it('keeps the same words where they are content: the accord, a front, a prior visit', () => {
    expect(analyzeQuestion('What did the accord say about the front?').terms).toEqual(['accord', 'front']);
    expect(analyzeQuestion('When was the prior visit?').terms).toEqual(['prior', 'visit']);
  });
});

/** Three talks; only one says where in Laos, and none says "Laotian", "city" or "encounter". */
const talks = () =>
  buildIndex([
    { id: 'asean', title: 'ASEAN talks', text: 'Jaishankar met Lavrov in Vientiane, Laos, on Friday. They spoke about trade.' },
    { id: 'sco', title: 'SCO talks', text: 'Jaishankar and Lavrov held talks at the SCO summit in Astana. Trade was on the agenda.' },
    { id: 'goa', title: 'Goa talks', text: 'Officials of the bloc gathered in Goa in May. Security was on the agenda.' },
  ]);

describe('ask(): words the archive uses for the question’s (WordNet)', () => {
  const index = talks;
  const question = 'Which Laotian city hosted the encounter between the ministers?';

  it('answers a paraphrase: "Laotian" is found in "Laos", "encounter" in "met"', async () => {
    const answer = await asker(index(), { abstainBelow: 0 })(question);
    expect(answer.sentences[0]!.docId).toBe('asean');
    expect(answer.sentences[0]!.text).toContain('Vientiane');
  });

  it('without the related words, nothing in the archive matches the question: another sentence first, less confidence', async () => {
    const withRelated = await asker(index(), { abstainBelow: 0 })(question);
    const without = await asker(index(), { abstainBelow: 0, related: false })(question);
    expect(without.confidence).toBeLessThan(withRelated.confidence);
    expect(withRelated.sentences[0]!.text).toContain('Vientiane');
    expect(without.sentences[0]!.text).not.toContain('Vientiane');
  });
});

describe('ask(): what the archive knows, counting related words', () => {
  it('a name the archive never uses is known through a related one ("Laotian" through Laos)', async () => {
    const index = talks();
    const features = async (settings: Parameters<typeof asker>[1]) => {
      let seen: { unknownName: number; known: number } | undefined;
      await asker(index, { ...settings, inspect: (f) => (seen = f.features) })('Where is the Laotian embassy of Jaishankar?');
      return seen!;
    };
    const withRelated = await features({});
    const without = await features({ related: false });
    expect(without.unknownName).toBe(1);
    expect(withRelated.unknownName).toBe(0);
    expect(withRelated.known).toBeGreaterThan(without.known);
  });
});

describe('ask(): a name is known only in its own forms', () => {
  it('an archive that says China does not know Beijing, though WordNet puts one in the other', async () => {
    const index = buildIndex([
      { id: 'visit', title: 'Visit to China', text: 'Jaishankar visited China in June. He discussed trade with officials in Shanghai.' },
      { id: 'summit', title: 'SCO summit', text: 'Lavrov and Jaishankar met at the SCO summit. They discussed trade.' },
    ]);
    let seen: { unknownName: number } | undefined;
    await asker(index, { inspect: (f) => (seen = f.features) })('What did Jaishankar discuss when he met Lavrov in Beijing?');
    expect(index.related('in Beijing').get('beij')?.has('china')).toBe(true);
    expect(seen!.unknownName).toBe(1);
  });
});

describe('ask() when WordNet cannot be read', () => {
  it('answers without related words and says why, instead of failing', async () => {
    const index = buildIndex(
      [
        { id: 'asean', title: 'ASEAN talks', text: 'Jaishankar met Lavrov in Vientiane, Laos, on Friday.' },
        { id: 'press', title: 'Press remarks', text: 'Jaishankar spoke to reporters afterwards.' },
      ],
      { lexicon: new WordNet('/nonexistent/wordnet') },
    );
    const answer = await asker(index, { abstainBelow: 0 })('Where did Jaishankar meet Lavrov?');
    expect(answer.kind).toBe('answer');
    expect(answer.sentences[0]!.text).toContain('Vientiane');
    expect(index.related('Which Laotian city?')).toEqual(new Map());
    expect(index.isPlace('Moscow')).toBe(false);
    // No word can be told from a slip without the dictionary: none is corrected.
    expect(index.isWord('jaishanker')).toBe(true);
    const slip = await asker(index, { abstainBelow: 0 })('Where did Jaishanker meet Lavrov?');
    expect(slip.answer).not.toMatch(/Read "/);
    const who = await asker(index, { abstainBelow: 0 })('Who met Lavrov in Vientiane?');
    expect(who.kind).toBe('answer');
    expect(index.lexiconProblem()).toMatch(/ENOENT/);
  });
});

describe('ask() when one WordNet lookup fails', () => {
  it('loses that lookup only: later questions still get related words', async () => {
    class OneBadWord extends WordNet {
      override senses(lemma: string, pos: Parameters<WordNet['senses']>[1]): number[] {
        if (lemma === 'order') throw new TypeError('a lookup that went wrong');
        return super.senses(lemma, pos);
      }
    }
    const index = buildIndex([{ id: 'asean', title: 'ASEAN talks', text: 'Jaishankar met Lavrov in Vientiane, Laos, on Friday.' }], {
      lexicon: new OneBadWord(),
    });
    await asker(index, { abstainBelow: 0 })('What world order do they want?');
    expect(index.lexiconProblem()).toBeUndefined();
    expect(index.related('Which Laotian city?').get('laotian')?.has('lao')).toBe(true);
  });
});
