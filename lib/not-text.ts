/**
 * Whether a string is text at all. Binary data decoded as text (a PDF, an image, a compressed file,
 * random bytes) is full of control characters, since one byte in eight of uniformly distributed
 * data is a C0 control, and of U+FFFD where its bytes are not valid UTF-8; article text has next to
 * no control characters. Run on binary data, the detectors would find "tables" in stray pipes and
 * letters, and a verdict on it would mean nothing.
 *
 * Replacement characters alone are allowed a much larger share than controls: a text in a legacy
 * encoding read as UTF-8 (an accented letter in Latin-1 becomes one U+FFFD) is still text whose
 * words can be read, while a text that is mostly U+FFFD cannot be read at all.
 */

/** Characters that text does not contain: C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const REPLACEMENT = /\ufffd/g;
/** Above this share of controls the input is binary. */
const MAX_CONTROL_SHARE = 0.02;
/** Above this share of U+FFFD the input is undecodable. */
const MAX_REPLACEMENT_SHARE = 0.25;
/** The rule reads the start and the end of long inputs, which is where files show what they are. */
const SAMPLE_CHARS = 65536;

const share = (sample: string, re: RegExp) => (sample.match(re)?.length ?? 0) / sample.length;

/** The shares of control characters and of U+FFFD in the part of a non-empty `text` the rule reads. */
export function characterShares(text: string): { controls: number; replacements: number } {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS / 2) + text.slice(-SAMPLE_CHARS / 2) : text;
  return { controls: share(sample, CONTROL), replacements: share(sample, REPLACEMENT) };
}

/** Why `text` is not text (binary or undecodable data), or undefined when it is text. */
export function notTextReason(text: string): string | undefined {
  if (!text) return undefined;
  const { controls, replacements } = characterShares(text);
  if (controls > MAX_CONTROL_SHARE) return 'it is full of control characters, as binary data is';
  if (replacements > MAX_REPLACEMENT_SHARE) return 'it is mostly bytes that are not valid UTF-8 (shown as U+FFFD), so it cannot be read as text';
  return undefined;
}
