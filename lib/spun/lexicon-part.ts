import { compileLexicon, type CompiledLexicon, type LexiconEntry } from '../lexicon';
import { BUNDLED_LEXICON } from './bundled-lexicon';
import type { Finding } from '../types';
import type { DetectorInput, DetectorResult } from '../detectors/detector';

/**
 * The lexicon part of the spun signal: tortured phrases left by article spinners, matched against
 * the lexicon.
 *
 * Score: each distinct phrase contributes its weight once, plus a little for each repeat
 * (log-damped, so one phrase repeated twenty times does not look like systematic spinning).
 * That evidence is divided by the length of the text in thousands of words, with a floor of
 * MIN_WORDS words so a 60-word snippet with one hit is not scored as dense spinning, and mapped
 * to 0..100 by a saturating curve. A text needs several distinct phrases to score high.
 *
 * Document-level evidence: a spinner replaces a word nearly everywhere, so on a spun page one
 * substitute ("worth" for "price") turns up in several different spun phrases while the word it
 * replaces never appears. A generated entry (a thesaurus spin of a common expression, which honest
 * text does produce now and then) counts in full only when the page corroborates it that way, and
 * at UNCORROBORATED of its weight otherwise.
 */
const MIN_WORDS = 250;
/** Evidence per 1,000 words at which the score reaches 1 − 1/e ≈ 63. */
const DENSITY_SCALE = 6;
/** Repeats of one phrase add this much per natural-log unit of the count. */
const REPEAT_BONUS = 0.3;
/** Share of its weight a generated entry keeps when no other phrase on the page shares its substitution. */
export const UNCORROBORATED = 0.25;
/** The source key of entries that need corroboration. */
const GENERATED = 'generated';

let compiled: CompiledLexicon | undefined;
/**
 * The bundled lexicon, compiled on first use so importing the engine costs nothing until a text is
 * analysed; undefined in the extension, whose background loads it as a resource.
 */
export function spunLexicon(): CompiledLexicon | undefined {
  if (BUNDLED_LEXICON) compiled ??= compileLexicon(BUNDLED_LEXICON);
  return compiled;
}

const WORD_SPLIT = /[\s-]+/;
/**
 * The (substitute, replaced word) pairs of a generated entry: its words that differ from the
 * original's at the same position ("worth degree" / "price level" → worth→price, degree→level),
 * or the whole phrase for a one-word original ("house owners" / "homeowners").
 */
function substitutions(e: LexiconEntry): [string, string][] {
  const spun = e.phrase.toLowerCase().split(WORD_SPLIT);
  const orig = (e.original[0] ?? '').toLowerCase().split(WORD_SPLIT);
  if (orig.length === 1) return [[spun.join(' '), orig[0]!]];
  if (spun.length !== orig.length) return [];
  const out: [string, string][] = [];
  spun.forEach((w, i) => {
    if (w !== orig[i]) out.push([w, orig[i]!]);
  });
  return out;
}

export function lexiconPart(input: DetectorInput, lexicon: CompiledLexicon): DetectorResult {
  const { text, tokens } = input;
  const matches = lexicon.match(tokens, text);
  const findings: Finding[] = [];
  const perEntry = new Map<number, { entry: LexiconEntry; count: number }>();
  for (const m of matches) {
    const actual = text.slice(m.start, m.end);
    findings.push({
      signal: 'spun',
      rule: 'spun/lexicon',
      message: `“${actual}” looks like a spinner's synonym for “${m.entry.original.join('” or “')}”.`,
      start: m.start,
      end: m.end,
      actual,
      expected: [...m.entry.original],
      weight: m.entry.weight,
    });
    const e = perEntry.get(m.id);
    if (e) e.count++;
    else perEntry.set(m.id, { entry: m.entry, count: 1 });
  }

  // Corroboration: substitutes shared by two or more distinct generated phrases on this page…
  const phrasesBySubstitute = new Map<string, { replaced: string; ids: Set<number> }>();
  for (const [id, { entry }] of perEntry) {
    if (entry.source !== GENERATED) continue;
    for (const [sub, replaced] of substitutions(entry)) {
      const key = sub + '\u0000' + replaced;
      const s = phrasesBySubstitute.get(key);
      if (s) s.ids.add(id);
      else phrasesBySubstitute.set(key, { replaced, ids: new Set([id]) });
    }
  }
  const shared = [...phrasesBySubstitute.values()].filter((s) => s.ids.size >= 2);
  // …whose replaced word never appears on the page (one pass over the tokens, only when needed).
  const corroborated = new Set<number>();
  if (shared.length) {
    const present = new Set<string>();
    const wanted = new Set(shared.map((s) => s.replaced));
    for (let i = 0; i < tokens.count; i++) if (wanted.has(tokens.norms[i]!)) present.add(tokens.norms[i]!);
    for (const s of shared) if (!present.has(s.replaced)) for (const id of s.ids) corroborated.add(id);
  }

  let evidence = 0;
  let strongDistinct = 0;
  for (const [id, { entry, count }] of perEntry) {
    const weight = entry.source === GENERATED && !corroborated.has(id) ? entry.weight * UNCORROBORATED : entry.weight;
    evidence += weight * (1 + REPEAT_BONUS * Math.log(count));
    if (weight >= 0.5) strongDistinct++;
  }
  const words = tokens.words;
  const density = (evidence * 1000) / Math.max(words, MIN_WORDS);
  const score = 100 * (1 - Math.exp(-density / DENSITY_SCALE));
  return {
    score: Math.round(score * 10) / 10,
    findings,
    stats: {
      hits: matches.length,
      distinctPhrases: perEntry.size,
      strongDistinctPhrases: strongDistinct,
      corroboratedPhrases: corroborated.size,
      perThousandWords: words ? Math.round(((matches.length * 1000) / words) * 100) / 100 : 0,
      weightedEvidence: Math.round(evidence * 100) / 100,
      lexiconSize: lexicon.size,
    },
  };
}
