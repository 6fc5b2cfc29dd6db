import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../support/mulberry32.ts';
import { analyzeTerms, casedWords, foldAccents, irregularBase, stemWord, tokenizeWords } from '../../src/analyze/analyzeTerms.ts';

describe('initialisms written with dots', () => {
  it('are the same word as written without them', () => {
    expect(analyzeTerms('U.S. sanctions')).toEqual(analyzeTerms('US sanctions'));
    expect(analyzeTerms('the U.N. charter')).toEqual(analyzeTerms('the UN charter'));
  });

  it('keep their last letter when a full stop ends the sentence', () => {
    expect(tokenizeWords('He flew to the U.S')).toContain('us');
  });

  it('do not swallow the next sentence when the space after the stop is missing', () => {
    expect(tokenizeWords('talks in the U.S.Sanctions followed')).toEqual(['talks', 'in', 'the', 'us', 'sanctions', 'followed']);
  });

  it('keep their case for the cues that read capitals', () => {
    expect(casedWords('U.S. President')).toEqual(['US', 'President']);
  });

  it('leave abbreviations of longer words and initials with spaces alone', () => {
    expect(tokenizeWords('a Ph.D. from J. K. Rowling')).toEqual(['a', 'ph', 'd', 'from', 'j', 'k', 'rowling']);
    expect(tokenizeWords('plan A.But then')).toEqual(['plan', 'a', 'but', 'then']);
  });
});

describe('prepositions made from verbs', () => {
  it('are function words like "about": "regarding", "concerning", "according to" name no topic', () => {
    expect(analyzeTerms('What did he say regarding the visit?')).toEqual(analyzeTerms('What did he say about the visit?'));
    expect(analyzeTerms('What was agreed concerning oil?')).toEqual(analyzeTerms('agreed oil'));
    expect(analyzeTerms('According to Tass, who met?')).toEqual(analyzeTerms('Tass met'));
  });

  it('leave the nouns and verbs they come from alone: "raised our concern", "an accord"', () => {
    expect(analyzeTerms('raised our concern about an accord')).toEqual(analyzeTerms('raised concern accord'));
    expect(analyzeTerms('raised concern accord')).toHaveLength(3);
  });
});

describe('words that are also names of Object.prototype members', () => {
  it('stem to strings like any other word ("constructor", "toString", "valueOf")', () => {
    const terms = analyzeTerms('The constructor said toString and valueOf were hasOwnProperty');
    expect(terms.every((t) => typeof t === 'string')).toBe(true);
    expect(terms).toContain('constructor');
    expect(stemWord('constructor')).toBe('constructor');
    expect(irregularBase('constructor')).toBe('constructor');
  });
});

describe('text beyond ASCII', () => {
  it('is NFKC-normalised (full-width letters, ligatures) where plain ASCII is read as it is', () => {
    expect(tokenizeWords('Ｇ２０ summit ﬁnance')).toEqual(['g20', 'summit', 'finance']);
    expect(casedWords('Ｇ２０ summit')).toEqual(['G20', 'summit']);
    expect(tokenizeWords('Lavrov’s visit, it\'s')).toEqual(['lavrov', 'visit', 'it']);
  });
});

describe('accents', () => {
  it('are folded, so a word typed without them meets the word the archive writes with them', () => {
    expect(analyzeTerms('Zürich, São Paulo, Beyoncé, Łódź, Straße, Ørsted, naïve')).toEqual(analyzeTerms('Zurich, Sao Paulo, Beyonce, Lodz, Strasse, Orsted, naive'));
    expect(stemWord('zürich')).toBe('zurich');
    expect(foldAccents('crème brûlée')).toBe('creme brulee');
  });

  it('leaves the vowel signs of other scripts alone', () => {
    expect(foldAccents('मोदी')).toBe('मोदी'.normalize('NFC'));
  });
});

describe('the ASCII scan', () => {
  // Plain ASCII text is cut by a scan of character codes; any other text by the Unicode regex.
  // One non-ASCII word appended sends the same text down the regex path (NFKC leaves ASCII as
  // it is), so both must give the same words before it.
  const viaRegex = (text: string) => tokenizeWords(`${text} é`).slice(0, -1);

  it('cuts apostrophes, digits, initialisms and punctuation as the regex does', () => {
    const cases = ["nation's rock'n'roll o'clock it's 'quoted' ''s", 'U.S. U.S e.g. A.B.C.D 1990s 3.5% G-20', "don't x's 's s' a'b'c 12'ab 12's", '\tTabs\nand  spaces.'];
    for (const text of cases) expect(tokenizeWords(text), text).toEqual(viaRegex(text));
  });

  it('agrees with the regex on 20,000 random strings of word characters and punctuation', () => {
    const random = mulberry32(7);
    const alphabet = "aAbsSzZ09'.-, \t\nU.S.it's";
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(tokenizeWords(text), JSON.stringify(text)).toEqual(viaRegex(text));
    }
  });
});

describe('a final double consonant', () => {
  it('is undoubled in every stem, so a bare verb meets its "-ed" and "-ing" forms', () => {
    // Porter alone gives "added" → "ad" but "add" → "add".
    expect(analyzeTerms('employers add jobs')).toEqual(analyzeTerms('employers added jobs'));
    expect(stemWord('staff')).toBe(stemWord('staffed'));
    expect(stemWord('boycott')).toBe(stemWord('boycotting'));
  });

  it('is kept for l, s and z, as Porter keeps them', () => {
    expect(stemWord('pass')).toBe('pass');
    expect(stemWord('buzz')).toBe('buzz');
    expect(stemWord('call')).toBe('call');
  });
});

describe('irregular forms (WordNet exception lists, src/analyze/irregularForms.json)', () => {
  it('brings a past tense or irregular plural to its base\'s stem', () => {
    for (const [form, base] of [
      ['fled', 'flee'],
      ['swam', 'swim'],
      ['taught', 'teach'],
      ['crises', 'crisis'],
      ['mice', 'mouse'],
      ['met', 'meet'],
      ['left', 'leave'],
    ]) {
      expect(stemWord(form!), form).toBe(stemWord(base!));
    }
    expect(analyzeTerms('They fled the crises')).toEqual(analyzeTerms('they flee the crisis'));
  });

  it('keeps words of their own apart from the verb they are also a form of', () => {
    expect(stemWord('ground')).not.toBe(stemWord('grind'));
    expect(stemWord('wound')).not.toBe(stemWord('wind'));
    expect(stemWord('leaves')).toBe(stemWord('leave'));
    expect(stemWord('leaves')).not.toBe(stemWord('leaf'));
  });
});
