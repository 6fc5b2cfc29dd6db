import type { ArticleMeta } from '../../store/indexStore.ts';
import type { LoadedIndex } from '../../store/loadedIndex.ts';
import type { CandidateSentence } from '../extract/candidates.ts';

/** What citing reads of a quoted or candidate sentence. */
type CitedSentence = Pick<CandidateSentence, 'sentence' | 'text' | 'terms'>;
import type { AnswerSentence, Source } from '../types.ts';

/**
 * Number the sources in order of first citation and mark each quoted sentence with every
 * article that states the same thing (corroboration: `[1][3]`). A sentence in another of the
 * candidate articles corroborates when, weighting words by IDF (so shared names that every
 * article repeats count little and the specific facts count a lot), it holds most of the
 * quoted sentence and a good part of itself is that sentence, with at least MIN_SHARED words
 * in common. Pure apart from reading the index.
 */
const QUOTED_COVERED = 0.5;
const OTHER_COVERED = 0.3;
const MIN_SHARED = 4;

export interface Citations {
  sentences: AnswerSentence[];
  sources: Source[];
  /** The quoted text with markers: `Sentence one. [1][2] Sentence two. [1]` */
  answer: string;
}

/**
 * `candidates` are the sentences extraction already scored (those of the best chunks): a
 * corroborating statement of the same fact ranks among them too, and scanning only them keeps
 * this cheap on long articles.
 */
export function citeSentences(index: LoadedIndex, picked: readonly CitedSentence[], candidates: readonly CitedSentence[]): Citations {
  const sources: Source[] = [];
  const numberOf = (docId: string): number => {
    const existing = sources.find((s) => s.docId === docId);
    if (existing) return existing.n;
    const source = toSource(index.meta(docId)!, sources.length + 1, alsoIn(index, docId));
    sources.push(source);
    return source.n;
  };

  const sentences: AnswerSentence[] = picked.map((p) => {
    const citations = [numberOf(p.sentence.docId)];
    for (const docId of corroborators(p, candidates, (t) => index.lexical.idf(t))) {
      const n = numberOf(docId);
      if (!citations.includes(n)) citations.push(n);
    }
    return { text: p.text, docId: p.sentence.docId, start: p.sentence.start, end: p.sentence.end, citation: citations[0]!, citations };
  });
  const answer = sentences.map((s) => `${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`).join(' ');
  return { sentences, sources, answer };
}

function corroborators(quoted: CitedSentence, candidates: readonly CitedSentence[], idf: (term: string) => number): string[] {
  const found: string[] = [];
  for (const c of candidates) {
    const docId = c.sentence.docId;
    if (docId === quoted.sentence.docId || found.includes(docId)) continue;
    if (statesSameFact(quoted, c, idf)) found.push(docId);
  }
  return found;
}

/** Does `other` say what `quoted` says (see the rule above)? */
export function statesSameFact(quoted: Pick<CitedSentence, 'terms'>, other: Pick<CitedSentence, 'terms'>, idf: (term: string) => number): boolean {
  const quotedTerms = new Set(quoted.terms);
  const mass = (terms: Iterable<string>) => {
    let sum = 0;
    for (const t of terms) sum += idf(t);
    return sum;
  };
  const own = new Set(other.terms);
  const shared = [...own].filter((t) => quotedTerms.has(t));
  if (shared.length < MIN_SHARED) return false;
  const sharedMass = mass(shared);
  return sharedMass / (mass(quotedTerms) || 1) >= QUOTED_COVERED && sharedMass / (mass(own) || 1) >= OTHER_COVERED;
}

export function toSource(article: ArticleMeta, n: number, alsoIn: string[] = []): Source {
  const source: Source = { n, docId: article.id, title: article.title, date: article.date, outlet: article.outlet, url: article.url, file: article.file };
  return alsoIn.length > 0 ? { ...source, alsoIn } : source;
}

/**
 * The outlets (or, without one, the titles) of an article's copies, each once, other than the
 * cited article's own; copies that name nothing else (the same file ingested twice, a copy
 * without an outlet under the same headline) are counted: "Reuters, 2 other copies".
 */
export function alsoIn(index: LoadedIndex, docId: string): string[] {
  const own = index.meta(docId);
  const names: string[] = [];
  let unnamed = 0;
  for (const id of index.copiesOf(docId)) {
    const m = index.meta(id);
    const name = m && (m.outlet ?? m.title);
    if (!name || name === own?.outlet || name === own?.title) unnamed++;
    else if (!names.includes(name)) names.push(name);
  }
  if (unnamed > 0) names.push(`${unnamed} other ${unnamed === 1 ? 'copy' : 'copies'}`);
  return names;
}
