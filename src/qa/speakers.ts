import { analyzeTerms, tokenizeWords } from '../analyze/analyzeTerms.ts';
import { CAPITALISED_RUN } from './archiveTitles.ts';

/**
 * Reported speech, the substance of most news: who a question asks the words of ("What did
 * Lavrov say…"), and whom each sentence's words are attributed to ("On his part, Lavrov
 * said…", "…,” he added", a quotation running over several sentences). An archive where both
 * foreign ministers speak in every article answers "What did Lavrov say about the relations?"
 * with Lavrov's sentence, not with Jaishankar's on the same relations.
 */

const ASKING_VERBS =
  'say|tell|think|describe|call|characteri[sz]e|add|note|stress|emphasi[sz]e|claim|announce|assert|remark|reply|respond|answer|mean|propose|suggest|urge|warn|write|tweet|post|react|put it|make of';
/** `words`: the question asks for what they said; otherwise they are only the source of a fact. */
const ASKED_SPEAKER: Array<{ pattern: RegExp; words: boolean }> = [
  // "What did Lavrov say…", "How did a Kremlin spokesperson characterise…"
  { pattern: new RegExp(`\\b(?:what|how|why|when|where) (?:did|does|do|has|have|had|will|would) (.{1,60}?) (?:${ASKING_VERBS})\\b`, 'u'), words: true },
  // "What was Lavrov's view on…"
  {
    pattern: /\b(?:what|how) (?:is|was|are|were) (.{1,40}?)['’]s? (?:view|views|position|stance|comment|comments|remarks|message|reaction|response|assessment|words)\b/u,
    words: true,
  },
  // "According to Jaishankar, …", "…, according to the 2010 census?"
  { pattern: /\baccording to (.{1,60}?)(?=[,;?.!]|$)/u, words: false },
];

export interface AskedSpeaker {
  /** Analysed words naming the speaker ("lavrov", "spokesman"). */
  terms: string[];
  /**
   * Whose speaker it is, when the question says so with a possessive ("*Russia's* foreign
   * minister", "*Putin's* spokesman"): lower-cased words, not analysed. A place's possessive
   * says which minister; a person's only whose spokesman, whom the article may not name.
   */
  owners: string[];
  /**
   * True when the answer is their words ("What did Lavrov say…"); false when they are only
   * the source ("According to the census, …"), which encyclopaedic text rarely attributes.
   */
  words: boolean;
}

/** The speaker whose words or account the question asks for, if it names one. */
export function askedSpeaker(question: string): AskedSpeaker | undefined {
  const q = question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  for (const { pattern, words } of ASKED_SPEAKER) {
    const match = pattern.exec(q);
    if (!match) continue;
    // "Putin's spokesman" is a spokesman: the owner only says whose, and the article may not name
    // him. Whether an owner is a place ("Russia's") is for the caller, who has the lexicon.
    const possessive = /([\p{L}\p{N}-]+)['’]s?(?=\s)/gu;
    const head = analyzeTerms(match[1]!.replace(possessive, ' '));
    const owners = head.length > 0 ? [...match[1]!.matchAll(possessive)].map((m) => m[1]!) : [];
    const terms = head.length > 0 ? head : analyzeTerms(match[1]!);
    // "What did *they* say" names nobody: a pronoun or "the two sides" leaves nothing to match.
    if (terms.length > 0) return { terms, owners, words };
  }
  return undefined;
}

const SPEECH_VERB =
  /\b(?:said|says|say|added|adds|told|tells|noted|stated|stressed|stresses|remarked|described|describes|characteri[sz]ed|termed|dubbed|hailed|called|asserted|asserts|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|observed|explained|highlighted|insisted|reiterated|maintained|urged|wrote|writes|tweeted|posted|announced|declared|replied|responded|recalled|acknowledged|admitted|warned|argued|claimed|affirmed|confirmed|suggested|proposed|quipped|joked|according to)\b/giu;
/** Where a speaker's phrase stops: punctuation and quotation marks. */
const BOUNDARY = /[,;:“”"()\u2014\u2013]/u;
const PRONOUN = /^(?:he|she|they|it)$/;
/** Longest phrase read as a speaker: longer spans are clauses, not names. */
const MAX_SPEAKER_WORDS = 10;
/** How many sentences back "he" may find whom it stands for. */
const PRONOUN_REACH = 5;

/**
 * For each sentence of one article, the analysed words of whom it quotes or reports ([] when
 * nobody). "He said" is the speaker of the sentences before; a quotation spread over several
 * sentences is attributed as a whole.
 */
export function attributeSpeakers(sentences: readonly string[]): string[][] {
  const own = sentences.map(speakerPhrase);
  const runs = quotationRuns(sentences);
  const out: string[][] = new Array(sentences.length);
  let names: Set<string> | undefined;
  let titles: Titles | undefined;
  for (const run of runs) {
    // A quotation takes the attribution found in any of its sentences.
    const found = run.map((i) => own[i]!).find((p) => p !== undefined);
    for (const i of run) {
      const phrase = own[i] ?? found;
      if (phrase === undefined) out[i] = [];
      else if (phrase.pronoun) out[i] = resolvePronoun(sentences, out, run[0]!, (names ??= midSentenceNames(sentences)));
      else out[i] = withName(analyzeTerms(phrase.text), (titles ??= titledNames(sentences)));
    }
  }
  return out;
}

/**
 * A title the article gave with a name ("Indian Foreign Minister Subrahmanyam Jaishankar")
 * stands for that name when used alone later: "the Indian Foreign Minister said" is
 * Jaishankar speaking. The name is what follows the title in a run of capitalised words.
 */
function withName(speaker: string[], titles: Titles): string[] {
  if (speaker.length === 0) return speaker;
  const key = speaker.join(' ');
  let named = titles.resolved.get(key);
  if (named) return named;
  let name: string[] | undefined;
  const titled = new Set<string>();
  for (const { run, at } of titles.byWord.get(speaker[0]!) ?? []) {
    if (!speaker.every((t, k) => run[at + k] === t)) continue;
    // A title: the name follows it in the run.
    if (at + speaker.length < run.length) name ??= run.slice(at + speaker.length);
    // A name: the titles it was given stand for it too ("Lavrov" is the Russian foreign
    // minister a question may ask about), every one the article used.
    else for (const t of run.slice(0, at)) titled.add(t);
  }
  named = [...titled, ...speaker, ...(name ?? [])];
  titles.resolved.set(key, named);
  return named;
}

/**
 * The article's runs of capitalised words, analysed ("Kremlin Spokesperson Dmitry Peskov"),
 * indexed by the words they hold and with each title resolved once: a long article repeats
 * "the minister said" hundreds of times.
 */
interface Titles {
  byWord: Map<string, Array<{ run: string[]; at: number }>>;
  resolved: Map<string, string[]>;
}

function titledNames(sentences: readonly string[]): Titles {
  const byWord = new Map<string, Array<{ run: string[]; at: number }>>();
  for (const s of sentences) {
    for (const m of s.matchAll(CAPITALISED_RUN)) {
      const run = analyzeTerms(m[0]);
      if (run.length < 2) continue;
      for (let at = 0; at < run.length; at++) {
        let list = byWord.get(run[at]!);
        if (!list) byWord.set(run[at]!, (list = []));
        list.push({ run, at });
      }
    }
  }
  return { byWord, resolved: new Map() };
}

interface Phrase {
  text: string;
  pronoun: boolean;
}

/** The speaker phrase of one sentence, read around its first speech verb with a readable subject. */
function speakerPhrase(sentence: string): Phrase | undefined {
  for (const verb of sentence.matchAll(SPEECH_VERB)) {
    const at = verb.index!;
    const after = sentence.slice(at + verb[0].length);
    if (/^according to$/i.test(verb[0])) return phraseOf(cutAt(after));
    const subject = subjectBefore(sentence.slice(0, at));
    // "…,” said Kremlin spokesperson Dmitry Peskov."
    if (subject === '') return phraseOf(cutAt(after));
    if (subject !== undefined) return phraseOf(subject);
  }
  return undefined;
}

/** Clauses that open this way say where, when or which, not who: "at a briefing with Lavrov". */
const NOT_A_SUBJECT =
  /^(?:at|in|on|during|after|before|while|with|along|from|for|to|by|as|since|until|following|ahead|amid|over|under|who|which|whose|where|when|that|also|however|meanwhile|earlier|later|then|and|but)\b/u;

/**
 * A subject's trailing when or where ("External Affairs Minister S Jaishankar *on Wednesday*
 * said", "Russian Embassy *in India* stated"): not who, and it hides the name the article's
 * titles are found by.
 */
const TRAILING_ADVERBIAL = /\s+(?:on|in|at|during|after|before|while|following|amid)\s.*$/su;

/**
 * The subject of a speech verb: the nearest clause before it that is not an adverbial or a
 * relative clause ("Jaishankar, who is on a visit to Russia, in his opening remarks said" →
 * "Jaishankar"). '' when the verb follows a quotation directly (the speaker comes after it),
 * undefined when no clause reads as a subject.
 */
function subjectBefore(text: string): string | undefined {
  const clauses = text.split(BOUNDARY);
  if (tokenizeWords(clauses.at(-1)!).length === 0) return '';
  for (let k = clauses.length - 1; k >= Math.max(0, clauses.length - 4); k--) {
    const clause = clauses[k]!.trim();
    const words = tokenizeWords(clause);
    if (words.length === 0 || words.length > MAX_SPEAKER_WORDS) return undefined;
    if (!NOT_A_SUBJECT.test(words[0]!)) return clause.replace(TRAILING_ADVERBIAL, '');
  }
  return undefined;
}

function phraseOf(text: string): Phrase | undefined {
  const words = tokenizeWords(text);
  if (words.length === 0 || words.length > MAX_SPEAKER_WORDS) return undefined;
  return { text, pronoun: PRONOUN.test(words[0]!) };
}

function cutAt(text: string): string {
  const stop = text.search(/[,;:“”"()\u2014\u2013.!?]/u);
  return stop < 0 ? text : text.slice(0, stop);
}

/**
 * "he" is the speaker, or failing that the named subject, of one of the five sentences
 * before (`attributed` holds the speakers found so far, earlier sentences first).
 */
function resolvePronoun(sentences: readonly string[], attributed: ReadonlyArray<string[] | undefined>, from: number, names: ReadonlySet<string>): string[] {
  for (let j = from - 1; j >= Math.max(0, from - PRONOUN_REACH); j--) {
    const speaker = attributed[j];
    if (speaker && speaker.length > 0) return speaker;
    const terms = analyzeTerms(leadingName(sentences[j]!, names));
    if (terms.length > 0) return terms;
  }
  return [];
}

/**
 * The capitalised words a sentence opens with, kept only if the article also capitalises
 * them mid-sentence: "Lavrov" is a name, "Exchanged" or "During" only starts a sentence.
 */
function leadingName(sentence: string, names: ReadonlySet<string>): string {
  const lead = /^[“"]?((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}'’-]*)/u.exec(sentence.trim());
  if (!lead) return '';
  return lead[1]!.split(/\s+/).filter((w) => names.has(w.toLowerCase())).join(' ');
}

/** Lower-cased words the article capitalises somewhere other than at a sentence's start. */
function midSentenceNames(sentences: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) {
    for (const m of s.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{Lu}[\p{L}.'’-]*/gu)) names.add(m[0].toLowerCase());
  }
  return names;
}

/**
 * Sentences grouped by quotation: a sentence with an odd number of quotation marks opens a
 * quote, and is in one run with the sentences up to the next that has an odd number. Any other sentence is a run of its own.
 */
export function quotationRuns(sentences: readonly string[]): number[][] {
  const runs: number[][] = [];
  let open = false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (open) runs.at(-1)!.push(i);
    else runs.push([i]);
    // Curly and straight marks get mixed (“Don’t tell anybody," Lavrov smiled): an odd count opens or closes.
    if ((s.match(/[“”"]/g) ?? []).length % 2 === 1) open = !open;
    // A quote left open for long is a missing mark, not a speech: stop carrying it.
    if (open && runs.at(-1)!.length >= 6) open = false;
  }
  return runs;
}
