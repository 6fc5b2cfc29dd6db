import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regularStem } from '../../src/analyze/analyzeTerms.ts';
import { chooseIrregularForms, wordnetIrregularSources, type IrregularFormSources } from '../../src/lexicon/irregularForms.ts';
import { WordNet } from '../../src/lexicon/wordnet.ts';

/** Small made-up lists, with the lookups the choice reads. */
function sources(over: Partial<IrregularFormSources> = {}): IrregularFormSources {
  return {
    verbs: [
      ['fled', ['flee']],
      ['ground', ['grind']],
      ['swam', ['swim']],
      ['running', ['run']],
      ['abided', ['abide']],
      ['ran_off', ['run_off']],
    ],
    nouns: [
      ['crises', ['crisis']],
      ['leaves', ['leaf']],
      ['axes', ['ax', 'axis']],
      ['mice', ['mouse']],
    ],
    ownUses: (form) => (form === 'ground' ? 6 : 0),
    isVerb: (lemma) => ['leave', 'flee', 'grind', 'swim', 'run'].includes(lemma),
    stem: regularStem,
    ...over,
  };
}

describe('irregular forms chosen from WordNet exception lists', () => {
  it('takes a form Porter cannot bring to its base, sorted by form', () => {
    const forms = chooseIrregularForms(sources());
    expect(forms).toEqual({ crises: 'crisis', fled: 'flee', mice: 'mouse', swam: 'swim' });
    expect(Object.keys(forms)).toEqual(['crises', 'fled', 'mice', 'swam']);
  });

  it('leaves out a form that is a word of its own ("ground" is not "grind")', () => {
    expect(chooseIrregularForms(sources())).not.toHaveProperty('ground');
    expect(chooseIrregularForms(sources({ ownUses: () => 0 }))).toHaveProperty('ground', 'grind');
  });

  it('leaves out a plural that is a regular form of a verb ("leaves" of leave is not "leaf")', () => {
    expect(chooseIrregularForms(sources())).not.toHaveProperty('leaves');
    expect(chooseIrregularForms(sources({ isVerb: () => false }))).toHaveProperty('leaves', 'leaf');
  });

  it('needs no entry where Porter already meets the base, and takes no phrase or form with two bases', () => {
    const forms = chooseIrregularForms(sources());
    expect(forms).not.toHaveProperty('running');
    expect(forms).not.toHaveProperty('abided');
    expect(forms).not.toHaveProperty('ran_off');
    expect(forms).not.toHaveProperty('axes');
  });

  it('the shipped table is what `npm run make:irregular-forms` writes from the installed WordNet', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../src/analyze/irregularForms.json', import.meta.url), 'utf8'));
    const chosen = chooseIrregularForms(wordnetIrregularSources(new WordNet(), regularStem));
    expect(Object.keys(chosen).length).toBeGreaterThan(1000);
    expect(shipped).toEqual(chosen);
  });
});
