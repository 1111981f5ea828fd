/**
 * The sentence a finding sits in, for the popup's context preview: what comes before and after
 * the finding within its sentence (a line break, or `.`, `!` or `?` followed by a space, ends one),
 * at most `max` characters each side, cut at a space with "…" where the sentence goes on.
 */
export function sentenceAround(text: string, start: number, end: number, max = 100): { before: string; after: string } {
  let from = start;
  while (from > 0 && start - from < max) {
    const c = text[from - 1]!;
    if (c === '\n' || ((text[from - 2] === '.' || text[from - 2] === '!' || text[from - 2] === '?') && /\s/.test(c))) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < max) {
    const c = text[to]!;
    if (c === '\n') break;
    to++;
    if ((c === '.' || c === '!' || c === '?') && (to === text.length || /\s/.test(text[to]!))) break;
  }
  let before = text.slice(from, start);
  let after = text.slice(end, to);
  // Cut where the limit fell inside the sentence: at a space, so no word is shown in part.
  if (start - from >= max && from > 0) before = `…${before.slice(Math.max(0, before.indexOf(' ') + 1))}`;
  if (to - end >= max && to < text.length && !/[.!?]$/.test(after)) after = `${after.slice(0, Math.max(0, after.lastIndexOf(' ')))}…`;
  return { before: before.trimStart(), after: after.trimEnd() };
}
