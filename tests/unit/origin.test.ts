// @vitest-environment jsdom
/**
 * What a page's markup says about its article's origin: read from the document, judged against
 * the page's own address, shown as the original, and never enough alone to flag a page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../cli/html';
import { scanFile } from '../../cli/inputs';
import { analyze } from '../../lib/index';
import { readOriginClaims, validOriginClaims, type OriginClaim } from '../../lib/origin';
import { renderTabState } from '../../utils/report-view';

const ARTICLE = 'The city council approved the new budget on Tuesday, after a debate that lasted most of the evening. '.repeat(8);

function doc(head: string, url = 'https://copies.example/2026/12/budget'): Document {
  const d = document.implementation.createHTMLDocument('Budget');
  d.head.innerHTML = head;
  // Relative addresses resolve against the page's own, as in a browser.
  const base = d.createElement('base');
  base.href = url;
  d.head.prepend(base);
  d.body.innerHTML = `<article><p>${ARTICLE}</p></article>`;
  return d;
}

const COPY_HEAD = `
  <link rel="canonical" href="https://www.times.example/2026/12/budget">
  <meta property="og:url" content="https://www.times.example/2026/12/budget">
  <meta property="og:site_name" content="The Example Times">`;

describe('reading the claims', () => {
  it('reads the canonical link, og:url, og:site_name, the syndication meta tags and JSON-LD, as absolute http(s) addresses', () => {
    const claims = readOriginClaims(
      doc(`${COPY_HEAD}
        <meta name="syndication-source" content="https://wire.example/a">
        <meta name="original-source" content="/local-original">
        <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "isBasedOn": "https://blog.example/post",
          "publisher": {"@type": "Organization", "name": "Example Times", "url": "https://times.example/"}}]}</script>`),
    );
    expect(claims).toEqual<OriginClaim[]>([
      { kind: 'canonical', url: 'https://www.times.example/2026/12/budget' },
      { kind: 'og:url', url: 'https://www.times.example/2026/12/budget' },
      { kind: 'syndication-source', url: 'https://wire.example/a' },
      { kind: 'original-source', url: 'https://copies.example/local-original' },
      { kind: 'json-ld:isBasedOn', url: 'https://blog.example/post' },
      { kind: 'json-ld:publisher', url: 'https://times.example/', name: 'Example Times' },
      { kind: 'og:site_name', name: 'The Example Times' },
    ]);
  });

  it('keeps no javascript: or data: address, drops credentials, and skips malformed or oversized JSON-LD', () => {
    const claims = readOriginClaims(
      doc(`<link rel="canonical" href="javascript:alert(1)">
        <meta property="og:url" content="https://trusted.example@evil.example/story">
        <script type="application/ld+json">{"publisher": </script>
        <script type="application/ld+json">${JSON.stringify({ publisher: { url: 'https://big.example/' }, pad: 'x'.repeat(200_000) })}</script>`),
    );
    expect(claims).toEqual([{ kind: 'og:url', url: 'https://evil.example/story' }]);
  });

  it('checks claims that arrive in a message field by field', () => {
    expect(validOriginClaims('canonical')).toBeUndefined();
    expect(validOriginClaims([{ kind: 'canonical', url: 'javascript:alert(1)' }, { kind: 'bogus', url: 'https://a.example/' }, { kind: 'og:site_name', name: 'A' }])).toEqual([
      { kind: 'og:site_name', name: 'A' },
    ]);
  });
});

describe('the origin signal', () => {
  const page = (head: string, url = 'https://copies.example/2026/12/budget') => ({ url, claims: readOriginClaims(doc(head, url)) });

  it('names another site’s canonical as the original, with the outlet’s name, and alone does not flag the page', () => {
    const report = analyze(ARTICLE, {}, page(COPY_HEAD));
    const origin = report.signals.origin;
    expect(origin.assessed).toBe(true);
    expect(origin.findings.map((f) => [f.rule, f.url])).toEqual([
      ['origin/canonical', 'https://www.times.example/2026/12/budget'],
      ['origin/og-url', 'https://www.times.example/2026/12/budget'],
    ]);
    expect(origin.findings[0]!.message).toContain('times.example');
    expect(report.sourceUrl).toBe('https://www.times.example/2026/12/budget');
    expect(report.sourceName).toBe('The Example Times');
    expect(report.verdict).toBe('clean');
    expect(report.score).toBeGreaterThan(0);
  });

  it('keeps the offsets invariant for findings that are in the markup, not the text', () => {
    for (const f of analyze(ARTICLE, {}, page(COPY_HEAD)).signals.origin.findings) {
      expect([f.start, f.end, f.actual]).toEqual([0, 0, '']);
      expect(ARTICLE.slice(f.start, f.end)).toBe(f.actual);
      expect(f.element).toBe(f.rule === 'origin/canonical' ? '<link rel="canonical">' : '<meta property="og:url">');
    }
  });

  it('counts nothing when the markup names the page’s own site, on any of its hosts', () => {
    const report = analyze(ARTICLE, {}, page(COPY_HEAD, 'https://amp.times.example/2026/12/budget'));
    expect(report.signals.origin.findings).toEqual([]);
    expect(report.signals.origin.score).toBe(0);
    expect(report.sourceUrl).toBeUndefined();
  });

  it('does not take a copy’s own site name for the original’s', () => {
    const report = analyze(ARTICLE, {}, page(`<link rel="canonical" href="https://times.example/a"><meta property="og:site_name" content="Copies Daily">`, 'https://copiesdaily.example/a'));
    expect(report.sourceUrl).toBe('https://times.example/a');
    expect(report.sourceName).toBeUndefined();
  });

  it('adds to other evidence: a copy that says so and carries a repost footer scores more than the footer alone', () => {
    const text = `${ARTICLE}\nThis article was originally published on The Example Times.`;
    const without = analyze(text, {}, { url: 'https://copies.example/a', claims: [] });
    const withClaim = analyze(text, {}, page(COPY_HEAD, 'https://copies.example/a'));
    expect(withClaim.score).toBeGreaterThan(without.score);
  });

  it('is not assessed for plain text, or when the page’s own address is unknown', () => {
    expect(analyze(ARTICLE).signals.origin).toMatchObject({ assessed: false, note: expect.stringContaining('plain text') });
    expect(analyze(ARTICLE, {}, { claims: [] }).signals.origin).toMatchObject({ assessed: false, note: expect.stringContaining('address is unknown') });
  });
});

describe('the popup', () => {
  it('shows the original as "Original:", its domain first, with the outlet’s name beside it as page text', () => {
    const root = document.createElement('main');
    const report = analyze(ARTICLE, {}, { url: 'https://copies.example/a', claims: readOriginClaims(doc(COPY_HEAD)) });
    renderTabState(root, { status: 'scanned', report, url: 'https://copies.example/a' });
    const line = root.querySelector('.source')!;
    expect(line.textContent).toBe('Original: times.example · https://www.times.example/2026/12/budget (The Example Times)');
    expect(line.querySelector('a')!.getAttribute('href')).toBe('https://www.times.example/2026/12/budget');
    expect(line.querySelector('.source-name')!.getAttribute('dir')).toBe('auto');
    const rows = [...root.querySelectorAll('[data-testid=signal-origin] [data-testid=evidence-row]')].map((r) => r.textContent);
    expect(rows[0]).toContain('<link rel="canonical">');
  });
});

describe('the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-origin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const html = (head: string) => `<!doctype html><html><head>${head}</head><body><article><p>${ARTICLE}</p></article></body></html>`;

  it('takes a page’s own canonical as its address when no --url is given, and says so', () => {
    const file = join(dir, 'own.html');
    writeFileSync(file, html('<link rel="canonical" href="https://times.example/a">'));
    const { report } = scanFile(file, {});
    expect(report.inputNotes?.join(' ')).toContain('canonical link, https://times.example/a, is taken as its address');
    expect(report.signals.origin).toMatchObject({ assessed: true, findings: [] });
  });

  it('with --url elsewhere, reports the canonical as the original', () => {
    const file = join(dir, 'copy.html');
    writeFileSync(file, html(COPY_HEAD));
    const { report } = scanFile(file, {}, 'https://copies.example/a');
    expect(report.inputNotes).toBeUndefined();
    expect(report.sourceUrl).toBe('https://www.times.example/2026/12/budget');
    expect(report.sourceName).toBe('The Example Times');
  });

  it('reads the claims the same way from HTML as the content script does from the live document', () => {
    expect(readHtmlPage(html(COPY_HEAD)).claims).toEqual(readOriginClaims(doc(COPY_HEAD)));
  });
});
