/**
 * `npm run make:irregular-forms`: choose the irregular forms the term analyser maps to their
 * base ("fled" → flee, "crises" → crisis) from WordNet and its exception lists, and write them
 * to src/analyze/irregularForms.json. The same packages give the same file byte for byte; a
 * test checks the shipped file is what this writes. A changed file changes how text is
 * analysed: bump ANALYZER_VERSION with it, so indexes are rebuilt.
 *
 *   npm run make:irregular-forms [-- --dry-run]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { regularStem } from '../src/analyze/analyzeTerms.ts';
import { chooseIrregularForms, wordnetIrregularSources } from '../src/lexicon/irregularForms.ts';
import { WordNet } from '../src/lexicon/wordnet.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' } }, strict: true });
const forms = chooseIrregularForms(wordnetIrregularSources(new WordNet(), regularStem));
const file = new URL('../src/analyze/irregularForms.json', import.meta.url);
const text = `${JSON.stringify(forms, null, 2)}\n`;
if (values['dry-run']) console.log(`${Object.keys(forms).length} forms (dry run: nothing written)`);
else {
  await writeFile(file, text);
  console.log(`wrote ${Object.keys(forms).length} forms to src/analyze/irregularForms.json`);
}
