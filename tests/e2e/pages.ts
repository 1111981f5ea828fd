/**
 * The pages the end-to-end tests serve, built from the shared seeds and a fixed sample of the dev
 * corpus, with the report the engine itself gives for each (the same extraction and `analyze` the
 * CLI uses), so every browser check is "the browser says what the CLI says" for one engine.
 */
import { parseHTML } from 'linkedom';
import { cliResources } from '../../cli/spun-model';
import { extractArticle } from '../../lib/extract';
import { analyze, type Report, type SettingsInput } from '../../lib/index';
import { readOriginClaims } from '../../lib/origin';
import { devCorpus, seeds } from '../../corpora';

export interface TestPage {
  /** Path on the test server, e.g. `/seed-000.html`. */
  path: string;
  /** What the page is, for test names. */
  description: string;
  /** The body served: HTML, or plain text when `contentType` says so. */
  html: string;
  /** `text/html` unless said. */
  contentType?: 'text/plain';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An ordinary article page: site chrome around an <article> whose paragraphs are the text's lines.
 * The chrome is there so the extraction has menus and a footer to leave out, as on real sites.
 */
export function articlePage(title: string, text: string): string {
  const paragraphs = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `      <p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
  <body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
    <main>
      <article>
      <h1>${escapeHtml(title)}</h1>
${paragraphs}
      </article>
    </main>
    <footer><p>About us · Contact · Privacy</p></footer>
  </body>
</html>
`;
}

const firstLine = (text: string) => (text.split('\n').find((l) => l.trim()) ?? 'Article').trim().slice(0, 120);

/** A page whose own text is the article, with the first line as its title (it is the headline in the seeds). */
function pageFromText(path: string, description: string, text: string): TestPage {
  const lines = text.split('\n');
  const headlineIndex = lines.findIndex((l) => l.trim());
  const title = firstLine(text);
  const body = lines.slice(headlineIndex + 1).join('\n');
  return { path, description, html: articlePage(title, body) };
}

/**
 * Dev-corpus pages served as a sample, one per label. Chosen for what they show a user, not for
 * the current engine's output: a news mirror run through a synonym spinner, an aggregator repost
 * cut off with "Read more on <outlet>", and an honest financial news page that uses the words
 * spinners twist ("artificial intelligence") and carries an image credit line.
 */
export const DEV_SAMPLE = {
  spun: 'spun-dev-whiteweb-ua-1',
  syndicated: 'synd-cryptocrunchapp-com-1',
  clean: 'clean-fool-com-1',
} as const;

/**
 * A hostile page: markup-looking strings in its text, inside sentences with spun phrases, in a
 * raw table, in scraper-footer lines and in its title. Every element-like string carries an id
 * starting with `spinscope-injected` so a test can tell whether any of them became an element.
 * Its footer also hides a right-to-left override and a zero-width space in a line, and credits a
 * source whose address carries credentials that name another site (`example.org@evil.example`).
 */
export function hostilePage(): TestPage {
  const img = '<img id="spinscope-injected-img" src=x onerror="window.spinscopePwned=1">';
  const script = '<script id="spinscope-injected-script">window.spinscopePwned=1</script>';
  const bold = '<b id="spinscope-injected-b">Mallory</b>';
  const text = [
    `The imaginative and prescient ${img} of synthetic intelligence firms in Jap Europe is to be taught from international locations ${script} that lead the sector.`,
    `Analysts say the desk under ${bold} summarizes how synthetic intelligence is reshaping the financial system of international locations in Jap Europe.`,
    'Country | Response <script id="spinscope-injected-cell">window.spinscopePwned=1</script> |',
    '---|---|',
    `Poland | Expanded AI grants ${img} |`,
    `Lithuania | New research hubs ${bold} |`,
    'Many start-ups be taught from the imaginative and prescient of older firms, and international locations compete for synthetic intelligence expertise.',
    `Source link : https://example.org@evil.example/original-story?ref=<svg/onload=alert(1)>`,
    `Creator : ${bold} \u202eyrollaM\u202c by\u200bline`,
    'Publish date : 2025-03-16 03:15:00',
    'Copyright for syndicated content material belongs to the linked Source.',
  ].join('\n');
  return { path: '/hostile.html', description: 'a hostile page with markup in its text', html: articlePage(`Synthetic intelligence ${script} ${img}`, text) };
}

/** A value as a JavaScript literal for an inline script, `<` escaped so that no string in it can close the element. */
const scriptLiteral = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const mainOf = (html: string) => parseHTML(html).document.querySelector('main')?.innerHTML ?? '';

/**
 * Pages that keep changing, as script-driven sites do. All three run their script from load on.
 * - re-rendered: every 50 ms a clock in the header ticks and the article is rendered again from
 *   its HTML, unchanged; `showNextArticle()` (called by the test) makes it render another article.
 * - growing: a live blog that gains one 180-character paragraph every 2 s.
 * - streaming: an article that starts empty and gains a sentence every 50 ms, up to 30,000 characters.
 */
function livePages(first: TestPage, next: TestPage, more: TestPage): { reRendered: TestPage; nextArticle: TestPage; growing: TestPage; streaming: TestPage } {
  const withHeaderClock = (html: string) => html.replace('<header>', '<header><time id="clock"></time>');
  const atEnd = (html: string, script: string) => html.replace('</body>', `<script>${script}</script>\n</body>`);
  const articles = [mainOf(first.html), mainOf(next.html)];
  const reRendered = atEnd(
    withHeaderClock(first.html),
    `const articles = ${scriptLiteral(articles)};
let shown = 0;
window.showNextArticle = () => { shown = 1; };
setInterval(() => {
  document.getElementById('clock').textContent = new Date().toISOString();
  document.querySelector('main').innerHTML = articles[shown];
}, 50);`,
  );
  // The page as it is once the next article shows, for the report the extension must then give (no test opens it).
  const { document } = parseHTML(withHeaderClock(first.html));
  document.querySelector('main')!.innerHTML = articles[1]!;
  const nextArticle = document.toString();

  // The live blog starts as the page in the issue did: about 145 words, here in four paragraphs.
  const words = extractedText(first.html).split(/\s+/);
  const paragraphs: string[] = [];
  for (let at = 0; at < words.length && paragraphs.length < 4; ) {
    let p = '';
    while (at < words.length && p.split(' ').length < 37) p += (p ? ' ' : '') + words[at++];
    paragraphs.push(p);
  }
  const sentences = extractedText(more.html).match(/[^.!?]+[.!?]+/g) ?? [];
  const growing = atEnd(
    articlePage('Live: the markets today', paragraphs.join('\n')),
    `const sentences = ${scriptLiteral(sentences.map((x) => x.trim()))};
let next = 0;
const paragraph = () => {
  let p = '';
  while (p.length < 180) p += sentences[next++ % sentences.length] + ' ';
  return p.slice(0, 180);
};
setInterval(() => {
  const el = document.createElement('p');
  el.textContent = paragraph();
  document.querySelector('article').append(el);
}, 2000);`,
  );
  const streaming = atEnd(
    articlePage('Streaming story', ''),
    `const sentences = ${scriptLiteral(sentences.map((x) => x.trim()))};
let next = 0;
let length = 0;
const timer = setInterval(() => {
  const el = document.createElement('p');
  el.textContent = sentences[next++ % sentences.length];
  document.querySelector('article').append(el);
  length += el.textContent.length;
  if (length >= 30000) clearInterval(timer);
}, 50);`,
  );
  return {
    reRendered: { path: '/live/re-rendered.html', description: 'an article re-rendered every 50 ms', html: reRendered },
    nextArticle: { path: '/live/re-rendered-next.html', description: 'the re-rendered page once its next article shows', html: nextArticle },
    growing: { path: '/live/growing.html', description: 'a live blog growing by a paragraph every 2 s', html: growing },
    streaming: { path: '/live/streaming.html', description: 'an article streamed in every 50 ms', html: streaming },
  };
}

export interface ServedPages {
  seed000: TestPage;
  seed001: TestPage;
  spun: TestPage;
  syndicated: TestPage;
  clean: TestPage;
  hostile: TestPage;
  plainText: TestPage;
  inShadowRoot: TestPage;
  inFrame: TestPage;
  copy: TestPage;
  reRendered: TestPage;
  nextArticle: TestPage;
  growing: TestPage;
  streaming: TestPage;
}

/**
 * The same article as `page`, but shown from elsewhere in the tree: built by the page's script inside
 * an open shadow root, or in a same-origin frame (`srcdoc`). The extension must read it as it reads
 * the plain page, so the engine's report on `page` is what the browser must show.
 */
function articleElsewhere(page: TestPage, where: 'shadow' | 'frame'): TestPage {
  const article = parseHTML(page.html).document.querySelector('article')!.outerHTML;
  const chrome = (inner: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Story</title></head>
  <body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    ${inner}
    <footer><p>About us · Contact · Privacy</p></footer>
  </body>
</html>
`;
  if (where === 'frame') {
    return { path: `${page.path}.in-frame.html`, description: `${page.description} in a same-origin frame`, html: chrome(`<iframe title="story" srcdoc="${escapeHtml(`<!doctype html><html><body>${article}</body></html>`)}"></iframe>`) };
  }
  const script = `document.querySelector('story-card').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(article).replace(/</g, '\\u003c')};`;
  return { path: `${page.path}.in-shadow-root.html`, description: `${page.description} in an open shadow root`, html: chrome(`<story-card></story-card><script>${script}</script>`) };
}

/** The outlet whose article `copyOf` pages say they copy. */
export const COPIED_OUTLET = { name: 'The Example Times', url: 'https://www.times.example/2026/12/07/story' };

/** The same article as `page`, on a page whose head names another outlet as the original (canonical, og:url and og:site_name), as a syndication partner's copy does. */
function copyOf(page: TestPage): TestPage {
  const head = `<link rel="canonical" href="${COPIED_OUTLET.url}"><meta property="og:url" content="${COPIED_OUTLET.url}"><meta property="og:site_name" content="${COPIED_OUTLET.name}">`;
  return { path: `${page.path}.copy.html`, description: `${page.description}, copied with its origin in the head`, html: page.html.replace('<meta charset="utf-8">', `<meta charset="utf-8">${head}`) };
}

export function buildPages(): ServedPages {
  const seedById = new Map(seeds().map((s) => [s.id.slice(0, 3), s.text]));
  const seedText = (n: string) => {
    const text = seedById.get(n);
    if (text === undefined) throw new Error(`Seed ${n} is missing from the shared seeds folder.`);
    return text;
  };
  const corpus = new Map(devCorpus().map((p) => [p.id, p]));
  const devPage = (label: keyof typeof DEV_SAMPLE): TestPage => {
    const id = DEV_SAMPLE[label];
    const page = corpus.get(id);
    if (!page) throw new Error(`Dev page ${id} is missing from the shared corpus.`);
    if (page.label !== label) throw new Error(`Dev page ${id} is labelled ${page.label}, not ${label}.`);
    return pageFromText(`/dev/${id}.html`, `the ${label} dev page ${id}`, page.text);
  };
  const seed000 = pageFromText('/seed-000.html', 'seed 000', seedText('000'));
  const clean = devPage('clean');
  return {
    seed000,
    seed001: pageFromText('/seed-001.html', 'seed 001', seedText('001')),
    spun: devPage('spun'),
    syndicated: devPage('syndicated'),
    clean,
    hostile: hostilePage(),
    plainText: { path: '/dev/plain-text.txt', description: 'a plain-text article', html: corpus.get(DEV_SAMPLE.spun)!.text, contentType: 'text/plain' },
    inShadowRoot: articleElsewhere(devPage('spun'), 'shadow'),
    inFrame: articleElsewhere(devPage('spun'), 'frame'),
    copy: copyOf(clean),
    ...livePages(clean, seed000, devPage('spun')),
  };
}

/** The document a browser makes of a plain-text response: the text in a <pre>, as Chromium and Firefox both show it. */
export function plainTextDocument(text: string): string {
  return `<html><head></head><body><pre>${escapeHtml(text)}</pre></body></html>`;
}

/** The text the extension's extraction gives for a page's HTML (lib/extract/ on linkedom, as the CLI does). */
export function extractedText(html: string): string {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document).text;
}

/** The engine's report for a page served at `url`, as the CLI computes it (with the shipped spun model and the page's origin claims). */
export function engineReport(html: string, url: string, settings: SettingsInput = {}): Report {
  const { document } = parseHTML(html);
  return analyze(extractedText(html), settings, { url, claims: readOriginClaims(document as unknown as Document) }, cliResources());
}
