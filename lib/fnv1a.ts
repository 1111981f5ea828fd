/** FNV-1a's starting state: `fnv1a` of the empty string. */
export const FNV1A_START = 0x811c9dc5;

/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: the one stable string hash of the project
 * (the spun model's vocabulary index, in its build and at run time; the evaluation's split and
 * orderings; the content script's fingerprint of the text it sent). A long text can be hashed in
 * parts: pass the hash of what came before as `from` with the part's bounds.
 */
export function fnv1a(s: string, from = FNV1A_START, start = 0, end = s.length): number {
  let h = from;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
