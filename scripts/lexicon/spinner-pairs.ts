/**
 * Word substitutions that real article spinners are known to make, learned from the Problematic
 * Paper Screener's tortured phrase → correct phrase pairs: aligning "profound learning" with "deep
 * learning" shows a spinner writing "profound" for "deep"; "malignant growth" for "cancer" shows a
 * one-word original given a multi-word substitute. A thesaurus lists every synonym of every sense;
 * these pairs are the choices a spinner's dictionary actually makes, which is why spins generated
 * with them turn out to be honest English far less often (docs/log.md has the figures).
 */

export interface TorturedPair {
  tortured: string;
  correct: string;
}

/**
 * Aligns each pair by its common leading and trailing words; the differing middle is one
 * substitution (original → substitute). Equal-length pairs are aligned word by word, so a phrase
 * with both words replaced gives two substitutions. Only one-word originals are kept: the generator
 * substitutes word by word.
 * Returns original → substitute → number of PPS phrases showing it.
 */
export function learnSubstitutions(pairs: readonly TorturedPair[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (original: string, substitute: string) => {
    if (!original || !substitute || original.includes(' ') || original === substitute) return;
    let subs = out.get(original);
    if (!subs) out.set(original, (subs = new Map()));
    subs.set(substitute, (subs.get(substitute) ?? 0) + 1);
  };
  for (const { tortured, correct } of pairs) {
    const t = tortured.toLowerCase().split(/\s+/).filter(Boolean);
    const c = correct.toLowerCase().split(/\s+/).filter(Boolean);
    if (t.length === c.length) {
      c.forEach((w, i) => add(w, t[i]!));
      continue;
    }
    let head = 0;
    while (head < Math.min(t.length, c.length) && t[head] === c[head]) head++;
    let tail = 0;
    while (tail < Math.min(t.length, c.length) - head && t[t.length - 1 - tail] === c[c.length - 1 - tail]) tail++;
    add(c.slice(head, c.length - tail).join(' '), t.slice(head, t.length - tail).join(' '));
  }
  return out;
}

/**
 * The learned substitutions as the generator's `synonyms`: word forms are looked up as written
 * (PPS pairs are already inflected), keeping substitutes seen in at least `minPhrases` PPS phrases.
 */
export function spinnerSynonyms(pairs: readonly TorturedPair[], minPhrases: number): { synonyms: (form: string) => readonly string[]; size: number } {
  const table = new Map<string, string[]>();
  let size = 0;
  for (const [original, subs] of learnSubstitutions(pairs)) {
    const kept = [...subs].filter(([, n]) => n >= minPhrases).map(([substitute]) => substitute);
    if (kept.length) table.set(original, kept);
    size += kept.length;
  }
  return { synonyms: (form) => table.get(form) ?? [], size };
}
