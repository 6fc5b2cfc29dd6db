/** Decoded text, or the reason a person can act on when the bytes are not usable text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turn a file's bytes into text: UTF-8 only (strict, so mojibake never reaches the index),
 * BOM stripped, `\r\n` and lone `\r` normalised to `\n`. Empty, binary and non-UTF-8 files
 * come back with a reason instead of throwing, so one bad file never stops an ingest.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text (byte-order mark found); save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, reason: `binary file (NUL byte at offset ${nul}); only UTF-8 text files are read` };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return { ok: false, reason: `not UTF-8 (invalid byte at offset ${at}); save it as UTF-8` };
  }
  text = normaliseNewlines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text };
}

/** `\r\n` and lone `\r` become `\n`, so every later offset and pattern sees one newline kind. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Offset of the first byte that breaks UTF-8, for an error message that points at it. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const [need, min] = b < 0x80 ? [0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80] : b >= 0xe0 && b <= 0xef ? [2, 0x800] : b >= 0xf0 && b <= 0xf4 ? [3, 0x10000] : [-1, 0];
    if (need < 0) return i;
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (need > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += need + 1;
  }
  return i;
}
