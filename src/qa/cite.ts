import type { Article } from '../corpus/types.ts';
import type { LoadedIndex } from './loadedIndex.ts';
import { overlap, type ScoredSentence } from './extractAnswer.ts';
import type { AnswerSentence, Source } from './types.ts';

/**
 * Number the sources in order of first citation and mark each quoted sentence with every
 * article that states the same thing (corroboration: `[1][3]`). A sentence in another of the
 * candidate articles corroborates when it shares most of its content words (at least
 * MIN_SHARED distinct terms) with the quoted one. Pure apart from reading the index.
 */
const CORROBORATION_OVERLAP = 0.6;
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
export function citeSentences(index: LoadedIndex, picked: ScoredSentence[], candidates: ScoredSentence[]): Citations {
  const sources: Source[] = [];
  const numberOf = (docId: string): number => {
    const existing = sources.find((s) => s.docId === docId);
    if (existing) return existing.n;
    const source = toSource(index.articleById.get(docId)!, sources.length + 1);
    sources.push(source);
    return source.n;
  };

  const sentences: AnswerSentence[] = picked.map((p) => {
    const citations = [numberOf(p.sentence.docId)];
    for (const docId of corroborators(p, candidates)) {
      const n = numberOf(docId);
      if (!citations.includes(n)) citations.push(n);
    }
    return { text: p.text, docId: p.sentence.docId, start: p.sentence.start, end: p.sentence.end, citation: citations[0]!, citations };
  });
  const answer = sentences.map((s) => `${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`).join(' ');
  return { sentences, sources, answer };
}

function corroborators(quoted: ScoredSentence, candidates: ScoredSentence[]): string[] {
  const found: string[] = [];
  const quotedTerms = new Set(quoted.terms);
  for (const c of candidates) {
    const docId = c.sentence.docId;
    if (docId === quoted.sentence.docId || found.includes(docId)) continue;
    const shared = new Set(c.terms.filter((t) => quotedTerms.has(t))).size;
    if (shared >= MIN_SHARED && overlap(c.terms, quoted.terms) >= CORROBORATION_OVERLAP) found.push(docId);
  }
  return found;
}

export function toSource(article: Article, n: number): Source {
  return { n, docId: article.id, title: article.title, date: article.date, outlet: article.outlet, url: article.url, file: article.file };
}
