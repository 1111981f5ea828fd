/**
 * How the command line turns a file's bytes into text, or decides that they are not text. It reads
 * bytes rather than a string Node has already decoded, because a decoded string no longer tells a
 * byte that is not UTF-8 from a U+FFFD the file really contains, and hides NUL bytes among the rest.
 * docs/cli.md ("Binary and undecodable input") describes the rules and why.
 */

/** Bytes read for the NUL check: text files never contain NUL, binary files almost always do, early on. */
const NUL_CHECK_BYTES = 65536;

export type DecodedText =
  /** `invalidSequences`: byte sequences that were not valid UTF-8 and became U+FFFD. */
  | { text: string; invalidSequences: number }
  | { notText: string };

/** The encoding a byte-order mark names; without one the bytes are read as UTF-8. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Occurrences of U+FFFD encoded in the bytes themselves (EF BF BD), which are text, not decoding errors. */
function literalReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/**
 * Decodes a file's bytes as text (UTF-8, or UTF-16 after its byte-order mark; a UTF-8 byte-order
 * mark is dropped), or says why they are not text. `more` is true when these bytes are only the
 * start of the input: a character cut at the end is then left out rather than counted as invalid.
 * Whether the decoded text is mostly control or replacement characters is the engine's check
 * (lib/not-text.ts), so the extension and the command line answer alike.
 */
export function decodeText(bytes: Uint8Array, more = false): DecodedText {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-8' && bytes.subarray(0, NUL_CHECK_BYTES).includes(0)) {
    return { notText: 'it contains NUL bytes, as binary files do; UTF-16 text needs its byte-order mark' };
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: more }), invalidSequences: 0 };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes, { stream: more });
    let replacements = 0;
    for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replacements++;
    return { text, invalidSequences: replacements - (encoding === 'utf-8' ? literalReplacements(bytes) : 0) };
  }
}
