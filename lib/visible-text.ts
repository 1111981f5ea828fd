/**
 * Characters that change how text around them displays, or hide inside it, without being seen:
 * C0 and C1 controls (ANSI escapes among them), line and paragraph separators, bidi embeddings,
 * overrides, isolates and marks, and zero-width characters. Page text shown to a reader carries
 * them as visible `⟨U+202E⟩` marks, so a right-to-left override cannot display the rest of a row
 * reversed, a terminal escape cannot recolour the CLI's output, and a hidden character inside a word
 * is seen. Tab, line and form feeds and carriage return are ordinary whitespace.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function revealInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
