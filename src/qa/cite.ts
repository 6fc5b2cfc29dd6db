import { analyzeTerms } from '../analyze/analyzeTerms.ts';
import type { Article } from '../corpus/types.ts';
import type { LoadedIndex } from './loadedIndex.ts';
import { overlap, textOf, type ScoredSentence } from './extractAnswer.ts';
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

export function citeSentences(index: LoadedIndex, picked: ScoredSentence[], candidateDocs: string[]): Citations {
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
    for (const docId of corroborators(index, p, candidateDocs)) {
      const n = numberOf(docId);
      if (!citations.includes(n)) citations.push(n);
    }
    return { text: p.text, docId: p.sentence.docId, start: p.sentence.start, end: p.sentence.end, citation: citations[0]!, citations };
  });
  const answer = sentences.map((s) => `${s.text} ${s.citations.map((n) => `[${n}]`).join('')}`).join(' ');
  return { sentences, sources, answer };
}

function corroborators(index: LoadedIndex, quoted: ScoredSentence, candidateDocs: string[]): string[] {
  const found: string[] = [];
  for (const docId of candidateDocs) {
    if (docId === quoted.sentence.docId) continue;
    for (const s of index.sentencesByDoc.get(docId) ?? []) {
      const terms = analyzeTerms(textOf(index, s));
      const shared = new Set(terms.filter((t) => quoted.terms.includes(t))).size;
      if (shared >= MIN_SHARED && overlap(terms, quoted.terms) >= CORROBORATION_OVERLAP) {
        found.push(docId);
        break;
      }
    }
  }
  return found;
}

export function toSource(article: Article, n: number): Source {
  return { n, docId: article.id, title: article.title, date: article.date, outlet: article.outlet, url: article.url, file: article.file };
}
