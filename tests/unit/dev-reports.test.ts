import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cliResources } from '../../cli/spun-model';
import { devCorpus, seeds } from '../../corpora';
import { analyze, type Report } from '../../lib/index';

/**
 * What the engine says about every dev page and both seeds, kept in tests/fixtures/dev-reports.json:
 * a refactor must leave each report exactly as it was. A change meant to alter reports updates the
 * record (`npx vitest run tests/unit/dev-reports.test.ts -u`), and its diff shows page by page what
 * changed: verdict, score, each signal's score, findings per rule, and a digest of the whole report.
 */
function summary(report: Report) {
  const findings: Record<string, number> = {};
  for (const s of Object.values(report.signals)) for (const f of s.findings) findings[f.rule] = (findings[f.rule] ?? 0) + 1;
  return {
    verdict: report.verdict,
    score: report.score,
    signals: Object.fromEntries(Object.entries(report.signals).map(([id, s]) => [id, s.assessed ? s.score : 'not assessed'])),
    findings,
    digest: createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 16),
  };
}

describe('reports on the dev corpus', () => {
  it('are the ones recorded, page by page', async () => {
    const resources = cliResources();
    const pages = [...devCorpus().map((p) => ({ id: p.id, text: p.text, url: p.url })), ...seeds().map((d) => ({ id: d.id, text: d.text, url: undefined }))];
    const record = Object.fromEntries(pages.map((p) => [p.id, summary(analyze(p.text, undefined, { url: p.url }, resources))]));
    await expect(JSON.stringify(record, null, 1) + '\n').toMatchFileSnapshot('../fixtures/dev-reports.json');
  }, 120_000);
});
