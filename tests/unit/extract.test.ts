// @vitest-environment jsdom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, locateRange } from '../../lib/extract';
import { ARTICLE, extractInSlices } from './extract-pages';

function page(body: string, title = 'Council approves budget'): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = body;
  return doc;
}

const NEWS_PAGE = `
  <header><nav><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul></nav></header>
  <div class="layout">
    <main><article>
      <h1>Council approves budget</h1>
      ${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}
      <script>window.tracker = "do not read this script text";</script>
      <style>.x { color: red }</style>
    </article></main>
    <aside class="sidebar"><ul><li><a href="/r1">Most read: a story about something else entirely, with many words</a></li></ul></aside>
  </div>
  <section id="comments"><ol><li><p>Great article, totally agree with the council on this one, finally some sense.</p></li></ol></section>
  <div class="cookie-banner"><p>We use cookies to improve your experience on this website, accept them all.</p></div>
  <footer><p>© 2026 The Daily Example. All rights reserved. Contact us for reprints and permissions.</p></footer>`;

describe('extractArticle', () => {
  it('keeps the article and drops navigation, sidebars, comments, banners, footers, scripts and styles', () => {
    const { text, title } = extractArticle(page(NEWS_PAGE));
    expect(title).toBe('Council approves budget');
    for (const p of ARTICLE) expect(text).toContain(p);
    for (const noise of ['Section 3', 'Most read', 'Great article', 'We use cookies', 'All rights reserved', 'tracker', 'color: red']) {
      expect(text).not.toContain(noise);
    }
  });

  it('puts block elements on their own lines and keeps words of inline elements apart', () => {
    const { text } = extractArticle(page(`<article><p>${ARTICLE[0]}</p><p><b>Bold</b> <i>italic</i> words and ${ARTICLE[1]}</p></article>`));
    expect(text.split('\n')).toContain(ARTICLE[0]);
    expect(text).toContain('Bold italic words');
  });

  it('maps every offset back to the live text node it came from', () => {
    const doc = page(NEWS_PAGE);
    const { text, segments } = extractArticle(doc);
    expect(segments.length).toBeGreaterThan(3);
    for (const s of segments) {
      expect(text.slice(s.start, s.end)).toBe(s.node.data);
      expect(s.node.isConnected).toBe(true);
    }
    const phrase = 'cost of road repairs';
    const start = text.indexOf(phrase);
    const at = locateRange(segments, start, start + phrase.length)!;
    expect(at.startNode).toBe(at.endNode);
    expect(at.startNode.data.slice(at.startOffset, at.endOffset)).toBe(phrase);
  });

  it('maps a range that spans several text nodes', () => {
    const doc = page(`<article><p>${ARTICLE[0]} The <em>tortured phrase</em> here. ${ARTICLE[1]}</p><p>${ARTICLE[2]}</p></article>`);
    const { text, segments } = extractArticle(doc);
    const start = text.indexOf('The tortured');
    const end = text.indexOf(' here.') + ' here'.length;
    const at = locateRange(segments, start, end)!;
    const range = doc.createRange();
    range.setStart(at.startNode, at.startOffset);
    range.setEnd(at.endNode, at.endOffset);
    expect(range.toString()).toBe('The tortured phrase here');
  });

  it('writes table rows as pipe-separated lines', () => {
    const { text } = extractArticle(
      page(`<article><p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p><table><tr><th>Sector</th><th>Impact</th></tr><tr><td>Defence</td><td>Joint exercises</td></tr></table></article>`),
    );
    expect(text).toContain('| Sector | Impact |\n| Defence | Joint exercises |');
  });

  it('falls back to all readable text when no block reads like an article', () => {
    const { text } = extractArticle(page('<div>Short line one</div><div>Short line two</div><nav>Menu</nav>'));
    expect(text).toContain('Short line one');
    expect(text).toContain('Short line two');
    expect(text).not.toContain('Menu');
  });

  it('skips hidden elements', () => {
    const { text } = extractArticle(page(`<article>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}<p hidden>Hidden text</p><div aria-hidden="true">Also hidden</div></article>`));
    expect(text).not.toContain('Hidden text');
    expect(text).not.toContain('Also hidden');
  });

  it('reads the same text from linkedom as from a browser DOM (the CLI and the extension agree)', () => {
    const html = `<!doctype html><html><head><title>Council approves budget</title></head><body>${NEWS_PAGE}</body></html>`;
    const { document: linked } = parseHTML(html);
    const browserDoc = new DOMParser().parseFromString(html, 'text/html');
    expect(extractArticle(linked as unknown as Document).text).toBe(extractArticle(browserDoc).text);
  });

  it('survives hostile documents: deep nesting, huge text, many nodes', () => {
    // 20,000 levels of nesting (jsdom itself recurses per level, so linkedom, as the CLI reads files).
    const { document: deep } = parseHTML(`<html><body>${'<div>'.repeat(20_000)}${ARTICLE.join(' ')}${'</div>'.repeat(20_000)}</body></html>`);
    expect(extractArticle(deep as unknown as Document).text).toContain(ARTICLE[2]);

    const huge = document.implementation.createHTMLDocument('huge');
    const p = huge.createElement('p');
    p.textContent = 'word, '.repeat(400_000);
    huge.body.append(p);
    expect(extractArticle(huge).text.startsWith('word, '.repeat(400_000))).toBe(true);

    const many = document.implementation.createHTMLDocument('many');
    many.body.innerHTML = '<div><span>x</span> <a href="#">y</a></div>'.repeat(3_000);
    expect(extractArticle(many).segments.length).toBe(6_000);
  });

  it('works in small steps so a page can stay responsive', () => {
    const doc = page(`<article>${Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i}, ${ARTICLE[i % 4]}</p>`).join('')}</article>`);
    const { result, slices } = extractInSlices(doc);
    expect(slices).toBeGreaterThan(10);
    expect(result.text).toBe(extractArticle(doc).text);
  });
});

describe('articles the page shows from elsewhere in its tree', () => {
  it('reads an article inside an open shadow root, with its slotted text, as the page renders it', () => {
    const host = document.createElement('news-story');
    host.innerHTML = `<span slot="byline">By a staff reporter</span><p>light fallback the page does not show</p>`;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<article><h1>Budget</h1><slot name="byline"></slot>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</article>`;
    document.body.replaceChildren(host);
    const { text, segments } = extractArticle(document);
    for (const p of ARTICLE) expect(text).toContain(p);
    expect(text).toContain('By a staff reporter');
    expect(text).not.toContain('light fallback');
    // Offsets still map to the live text nodes inside the shadow tree.
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.node.data);
    document.body.replaceChildren();
  });

  it('reads an article in a same-origin frame, without the frame\'s own footer', () => {
    const frame = document.createElement('iframe');
    document.body.replaceChildren(frame);
    frame.contentDocument!.body.innerHTML = `<main><article>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</article></main><footer>Footer of the frame</footer>`;
    const { text } = extractArticle(document);
    for (const p of ARTICLE) expect(text).toContain(p);
    expect(text).not.toContain('Footer of the frame');
    document.body.replaceChildren();
  });
});
