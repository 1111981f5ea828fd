/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: the one stable string hash of the project
 * (the spun model's vocabulary index, in its build and at run time; the evaluation's split and
 * orderings).
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
