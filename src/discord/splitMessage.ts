/** Discord's limit on a message's content, in characters. */
export const MESSAGE_LIMIT = 2000;

/**
 * Where a sentence ends: after . ! ? or … (plus closing quotes/brackets and any `[n]` citation
 * markers that belong to it), before whitespace that is not itself followed by a marker.
 */
const SENTENCE_BREAK = /(?<=[.!?…]['"”’)\]]*(?:\s*\[\d+\])*)\s+(?!\[\d+\])/u;

/**
 * Splits text into messages of at most `limit` characters, breaking at paragraph (blank line)
 * boundaries, then line boundaries, then sentence boundaries, then whitespace, and only as a
 * last resort inside a word. A blockquote line (`> `) cut into pieces keeps its prefix on
 * every piece. Pure.
 */
export function splitMessage(text: string, limit: number = MESSAGE_LIMIT): string[] {
  if (limit < 10) throw new RangeError(`limit ${limit} is too small to split a message into`);
  if (text.length <= limit) return text.trim() ? [text] : [];
  const blocks = text
    .split(/\n{2,}/)
    .flatMap((paragraph) =>
      paragraph.length <= limit ? [paragraph] : pack(paragraph.split('\n').flatMap((line) => splitLine(line, limit)), '\n', limit),
    );
  return pack(blocks, '\n\n', limit)
    .map((m) => m.trimEnd())
    .filter((m) => m.trim());
}

/** Greedily joins pieces (each within `limit`) into as few strings within `limit` as possible. */
function pack(pieces: string[], separator: string, limit: number): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    const candidate = current === undefined ? piece : `${current}${separator}${piece}`;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      if (current !== undefined) out.push(current);
      current = piece;
    }
  }
  if (current !== undefined) out.push(current);
  return out;
}

/** One line as pieces no longer than `limit`, at sentence boundaries when it must be cut. */
function splitLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const prefix = /^>\s/.test(line) ? '> ' : '';
  const body = prefix ? line.slice(2) : line;
  const room = limit - prefix.length;

  const pieces: string[] = [];
  let current = '';
  for (const sentence of body.split(SENTENCE_BREAK)) {
    for (const part of sentence.length <= room ? [sentence] : splitWords(sentence, room)) {
      const candidate = current ? `${current} ${part}` : part;
      if (candidate.length <= room) {
        current = candidate;
      } else {
        if (current) pieces.push(prefix + current);
        current = part;
      }
    }
  }
  if (current) pieces.push(prefix + current);
  return pieces;
}

/** A too-long sentence cut at spaces, and words longer than `room` cut hard. */
function splitWords(sentence: string, room: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    if (word.length > room) {
      if (current) parts.push(current);
      current = '';
      for (let i = 0; i < word.length; i += room) parts.push(word.slice(i, i + room));
      continue;
    }
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= room) current = candidate;
    else {
      parts.push(current);
      current = word;
    }
  }
  if (current) parts.push(current);
  return parts;
}
