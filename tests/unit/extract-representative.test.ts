// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractInSlices, generatedPage, longPage, REPRESENTATIVE_PAGES } from './extract-pages';

/**
 * Pins what the extraction gives for representative pages, in a browser DOM (jsdom, as the
 * content script sees a page) and in linkedom (as the CLI reads a file): the text, the title, the
 * offsets of every text node and how many slices the work is cut into. A change to the fixture is
 * a change of behaviour, to be made on purpose (`npx vitest run -u` rewrites it).
 */

interface Outcome {
  title: string;
  text: string;
  /** `start:end` of each text node's segment, in order. */
  segments: string;
  /** How many times the extraction paused for the caller. */
  slices: number;
}

function extract(doc: Document): Outcome {
  const { result, slices } = extractInSlices(doc);
  for (const s of result.segments) expect(result.text.slice(s.start, s.end)).toBe(s.node.data);
  return { title: result.title, text: result.text, segments: result.segments.map((s) => `${s.start}:${s.end}`).join(' '), slices };
}

/** How many generated pages are compared. */
const GENERATED_PAGES = 300;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Pages only a live DOM can show: an open shadow root with a slot, and a same-origin frame. */
function renderedElsewhere(): Record<string, Outcome> {
  const host = document.createElement('news-story');
  host.innerHTML = '<span slot="byline">By a staff reporter</span><p>light fallback the page does not show</p>';
  host.attachShadow({ mode: 'open' }).innerHTML =
    '<article><h1>Budget</h1><slot name="byline"></slot><slot>default slot fallback</slot>' +
    '<p>The city council approved the new budget on Tuesday, after a debate that lasted most of the evening.</p>' +
    '<p>Council members argued over the cost of road repairs, the library, and a new bus line to the hospital.</p></article>';
  document.body.replaceChildren(host);
  const shadow = extract(document);

  const frame = document.createElement('iframe');
  document.body.replaceChildren(frame);
  frame.contentDocument!.body.innerHTML =
    '<main><article><p>The mayor said the plan balances the needs of residents with the limits of the city’s income.</p>' +
    '<p>Opponents said the budget relies on optimistic forecasts, and promised to revisit it in the spring.</p></article></main><footer>Footer of the frame</footer>';
  const framed = extract(document);
  document.body.replaceChildren();
  return { 'article in an open shadow root': shadow, 'article in a same-origin frame': framed };
}

describe('extraction of representative pages', () => {
  it('gives the same text, offsets and slices as when the fixture was recorded', async () => {
    const outcomes: Record<string, { browser: Outcome; linkedom: Outcome } | Outcome> = {};
    for (const [name, html] of Object.entries(REPRESENTATIVE_PAGES)) {
      outcomes[name] = {
        browser: extract(new DOMParser().parseFromString(html, 'text/html')),
        linkedom: extract(parseHTML(html).document as unknown as Document),
      };
    }
    Object.assign(outcomes, renderedElsewhere());
    // A long page's text is pinned by its digest, to keep the fixture readable.
    const long = longPage(300);
    for (const [parser, doc] of [
      ['browser', new DOMParser().parseFromString(long, 'text/html')],
      ['linkedom', parseHTML(long).document as unknown as Document],
    ] as const) {
      const { text, segments, ...rest } = extract(doc);
      outcomes[`long page of 300 stories, ${parser}`] = { ...rest, text: `${text.length} characters, sha256 ${sha256(text)}`, segments: `${segments.split(' ').length} segments, sha256 ${sha256(segments)}` };
    }
    await expect(`${JSON.stringify(outcomes, null, 1)}\n`).toMatchFileSnapshot('../fixtures/extract/representative-pages.json');
  });

  it('gives the same outcome on generated pages as when the fixture was recorded', async () => {
    // One line per page: the text's length and the digest of the whole outcome, in each parser.
    const lines: string[] = [];
    for (let seed = 1; seed <= GENERATED_PAGES; seed++) {
      const html = generatedPage(seed);
      const browser = extract(new DOMParser().parseFromString(html, 'text/html'));
      const linked = extract(parseHTML(html).document as unknown as Document);
      const summary = (o: Outcome) => `${o.text.length} ${sha256(JSON.stringify(o)).slice(0, 16)}`;
      lines.push(`${seed}: browser ${summary(browser)}, linkedom ${summary(linked)}`);
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('../fixtures/extract/generated-pages.txt');
  });
});
