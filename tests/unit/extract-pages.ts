import { extractArticleSteps, type ExtractedText } from '../../lib/extract';

/**
 * Representative HTML pages for the extraction tests: the page shapes the extractor meets on the
 * web (a news page in its site's chrome, a blog with class hints, a data page of tables, a page of
 * short lines, a page of landmarks and hidden parts, and degenerate documents), each one built to
 * pass through a different part of the walk, the scoring or the fallback.
 */

/** Runs the extraction step by step, as the content script does, counting the pauses. */
export function extractInSlices(doc: Document): { result: ExtractedText; slices: number } {
  const steps = extractArticleSteps(doc);
  let slices = 0;
  let step = steps.next();
  while (!step.done) {
    slices++;
    step = steps.next();
  }
  return { result: step.value, slices };
}

/** A short news article, four paragraphs long. */
export const ARTICLE = [
  'The city council approved the new budget on Tuesday, after a debate that lasted most of the evening.',
  'Council members argued over the cost of road repairs, the library, and a new bus line to the hospital.',
  'The mayor said the plan balances the needs of residents with the limits of the city’s income, and thanked staff.',
  'Opponents said the budget relies on optimistic forecasts, and promised to revisit it in the spring.',
];

const paragraphs = (lines: readonly string[]) => lines.map((line) => `<p>${line}</p>`).join('\n');
const links = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `<li><a href="/${prefix}${i}">${prefix} story number ${i}</a></li>`).join('');

export const REPRESENTATIVE_PAGES: Record<string, string> = {
  'news page in its site chrome': `<!doctype html><html><head><title> Council approves budget </title><style>p{}</style></head><body>
  <header><nav><ul>${links(8, 'Section')}</ul></nav></header>
  <div class="layout">
    <main><article>
      <h1>Council approves budget</h1>
      <p class="byline">By <a href="/staff">A. Reporter</a>, <time>2 March</time></p>
      ${paragraphs(ARTICLE)}
      <p>The vote was <b>seven</b> to <i>two</i>; see <a href="/budget">the full budget</a> for details, line by line.</p>
      <figure><img src="x.png" alt=""><figcaption>The council chamber, on Tuesday evening, before the vote was taken.</figcaption></figure>
      <script>window.tracker = "do not read this script text";</script>
      <noscript>Enable JavaScript to see comments.</noscript>
    </article></main>
    <aside class="sidebar"><h2>Most read</h2><ul>${links(5, 'Popular')}</ul></aside>
  </div>
  <section id="comments"><ol><li><p>Great article, totally agree with the council on this one, finally some sense.</p></li></ol></section>
  <div class="cookie-banner"><p>We use cookies to improve your experience on this website, accept them all.</p><button>OK</button></div>
  <footer><p>© 2026 The Daily Example. All rights reserved. Contact us for reprints and permissions.</p></footer>
</body></html>`,

  'blog post with class hints and sibling paragraphs': `<!doctype html><html><head><title>Notes from the garden</title></head><body>
  <div id="page">
    <div class="masthead"><p>Notes from the garden, a blog about slow growing things, since 2009.</p></div>
    <div class="wrapper">
      <div class="post-content entry">
        <h2>Planting garlic in autumn</h2>
        <p>Garlic goes in the ground when the soil cools, usually a few weeks before the first hard frost, and it stays there all winter.</p>
        <p>Split the bulbs into cloves, keep the papery skins on, and plant them pointed end up, about two fingers deep, in loose soil.</p>
        <div class="tip"><p>Mulch with straw after planting, so a freeze and thaw cannot lift the cloves out of the ground.</p></div>
      </div>
      <p>This paragraph sits beside the post's container, not inside it, and is long enough, with few links, to read as part of the article.</p>
      <p><a href="/a">Short</a> <a href="/b">link</a> <a href="/c">list</a> <a href="/d">that</a> <a href="/e">should not count as a paragraph at all</a></p>
      <div class="related-posts"><h3>Related</h3><ul>${links(4, 'Related')}</ul></div>
      <div class="comment-content"><p>A comment container that also says content, so it is not pruned, with some words in it.</p></div>
      <div class="share widget"><p>Share this post on your favourite social network, with all your friends.</p></div>
    </div>
    <div class="pagination"><a href="/p/1">Previous</a> <a href="/p/3">Next</a></div>
  </div>
</body></html>`,

  'data page of tables, line breaks and preformatted text': `<!doctype html><html><head><title>Exercise schedule</title></head><body>
  <main>
    <h1>Joint exercises, spring schedule</h1>
    <p>The ministry published the schedule of joint exercises for the spring, with the sectors involved and the expected impact on each.</p>
    <table>
      <caption>Schedule by sector</caption>
      <thead><tr><th>Sector</th><th>Impact</th><th>Dates</th></tr></thead>
      <tbody>
        <tr><td>Defence</td><td>Joint exercises,   with allies</td><td>March</td></tr>
        <tr>
          <td>Energy</td>
          <td><b>Grid</b> <i>drills</i></td>
          <td>April</td>
        </tr>
        <tr><td></td><td>Empty first cell</td><td> </td></tr>
        <tr><td colspan="3"><table><tr><td>Nested</td><td>table</td></tr></table></td></tr>
      </tbody>
    </table>
    <p>Address lines follow:<br>12 Main Street<br><br>Springfield</p>
    <pre>line one
  line two, indented
line three</pre>
    <blockquote><p>“We expect no disruption to civilian traffic,” a spokesperson said in a written statement on Monday.</p></blockquote>
    <hr>
    <details><summary>Methodology</summary><p>Figures are the ministry’s own, as published, and were not checked against other sources.</p></details>
  </main>
</body></html>`,

  'page of short lines with no article': `<!doctype html><html><head><title>Links</title></head><body>
  <div>Short line one</div>
  <div>Short line two</div>
  <ul><li>Item one</li><li>Item two</li><li><a href="/3">Item three</a></li></ul>
  <dl><dt>Term</dt><dd>Definition</dd></dl>
  <nav>Menu</nav>
  <center>Centred text</center>
</body></html>`,

  'landmarks, roles and hidden parts': `<!doctype html><html><head><title>Harbour reopens</title></head><body>
  <div role="banner"><p>Site banner text that is not part of the article at all, long enough to count.</p></div>
  <div role="navigation">Home · News · Sport</div>
  <div role="main" class="content">
    <h1>Harbour reopens</h1>
    ${paragraphs(ARTICLE.slice(0, 2))}
    <p hidden>Hidden paragraph the page does not show.</p>
    <div aria-hidden="true"><p>Also hidden from readers, and long enough to be a paragraph.</p></div>
    <div role="complementary"><p>A complementary box with a long enough sentence to be read as a paragraph.</p></div>
    <form><label>Subscribe</label><input value="email"><textarea>Text area content</textarea><select><option>One</option></select></form>
    <svg><text>Chart label</text></svg>
    <div role="dialog"><p>Dialog text, which is page furniture, not article text, however long it is.</p></div>
    ${paragraphs(ARTICLE.slice(2))}
    <h2>Background</h2><h3>Earlier</h3><h4>Much earlier</h4><h5>Notes</h5><h6>Small print</h6>
    <section><p>A section inside the main area, with a sentence, a comma, and another comma.</p></section>
  </div>
  <div class="gdpr"><p>Consent text for data processing, which is long enough to be read as a paragraph.</p></div>
  <div class="footer-content"><p>Footer content that also says content, so the class hint alone does not prune it.</p></div>
</body></html>`,

  'article spread over sibling sections': `<!doctype html><html><head><title>Long read</title></head><body>
  <div class="story">
    <section><p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p></section>
    <section><p>${ARTICLE[2]}</p><p>${ARTICLE[3]}</p></section>
    <section><p>${ARTICLE[0]} Again, with more words, commas, and clauses, so it scores.</p></section>
    <div><a href="/x">A single link block that is all link text, long enough to be a paragraph otherwise.</a></div>
  </div>
</body></html>`,

  'whitespace, entities and inline runs': `<!doctype html><html><head><title></title></head><body>
  <article>
    <p>  Leading   spaces and&nbsp;a non-breaking space, tabs\tand\ttabs, and a soft&shy;hyphen in the middle.  </p>
    <p>Entities: &amp; &lt;b&gt;not bold&lt;/b&gt; &quot;quoted&quot; &#x2014; and an emoji 🙂 in the middle of a sentence.</p>
    <p><span>Adjacent</span><span>spans</span> <em>stay</em><strong>joined</strong> as the page shows them, in one line of text.</p>
    <p>Right-to-left: <span dir="rtl">مرحبا بالعالم</span>, then left-to-right again, in one sentence of the article.</p>
  </article>
</body></html>`,

  'empty body': `<!doctype html><html><head><title>Nothing here</title></head><body></body></html>`,

  'fragment without html or body tags': `<article><h1>Fragment</h1>${paragraphs(ARTICLE)}</article>`,
};

/** A page long enough that the extraction is cut into many slices: stories with comment threads between them, and a link list. */
export function longPage(stories: number): string {
  const story = (i: number) =>
    `<div class="story"><h2>Story ${i}</h2>${paragraphs(ARTICLE.map((line) => `${line} (${i})`))}` +
    `<div class="comments"><p>Comment ${i}: a reader's comment, long enough to be a paragraph of its own.</p></div>` +
    `<table><tr><td>Row ${i}</td><td>${i * 3}</td></tr></table></div>`;
  return `<!doctype html><html><head><title>Archive</title></head><body><ul>${links(200, 'Archive')}</ul>` +
    `<main>${Array.from({ length: stories }, (_, i) => story(i)).join('\n')}</main></body></html>`;
}

/** A seeded pseudo-random number generator (mulberry32), so generated pages are the same on every run. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'council budget road library mayor residents forecast spring harbour ferry schedule exercise energy grid garden garlic winter report'.split(' ');
/** Class and id names the extraction reads as hints, for and against content, and neutral ones. */
const HINTS = ['', '', '', 'content', 'post entry', 'story', 'sidebar', 'comment', 'related', 'widget', 'meta', 'share-content', 'footer', 'main-column', 'promo', 'hentry', 'wrap'];
const CONTAINERS = ['div', 'div', 'div', 'section', 'article', 'main', 'blockquote', 'ul', 'aside', 'nav', 'table', 'figure', 'details', 'dl'];
const INLINE = ['a', 'a', 'b', 'em', 'span', 'span', 'time', 'code'];

/**
 * A page of nested containers, paragraphs, links, lists and tables with random class hints and
 * text lengths, where which container wins, which siblings join it, and whether the article falls
 * back to all text vary from seed to seed.
 */
export function generatedPage(seed: number): string {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = () => {
    const words = Array.from({ length: 1 + Math.floor(random() * 24) }, () => pick(WORDS));
    return words.map((w, i) => (i > 0 && random() < 0.12 ? `, ${w}` : ` ${w}`)).join('').slice(1) + '.';
  };
  const attrs = () => {
    const hint = pick(HINTS);
    const name = hint && (random() < 0.5 ? ` class="${hint}"` : ` id="${hint}"`);
    return name + (random() < 0.03 ? ' hidden' : '') + (random() < 0.03 ? ' role="navigation"' : '');
  };
  const inlineElement = () => {
    const tag = pick(INLINE);
    return `<${tag}${tag === 'a' ? ' href="/x"' : ''}>${sentence()}</${tag}>`;
  };
  const paragraph = () => {
    const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.35 ? inlineElement() : sentence()));
    return `<p${attrs()}>${parts.join(random() < 0.8 ? ' ' : '<br>')}</p>`;
  };
  const table = () =>
    `<table${attrs()}>${Array.from({ length: 1 + Math.floor(random() * 4) }, () => `<tr>${Array.from({ length: 1 + Math.floor(random() * 3) }, () => `<td>${pick(WORDS)}</td>`).join('')}</tr>`).join('')}</table>`;
  const node = (depth: number): string => {
    const roll = random();
    if (depth > 4 || roll < 0.45) return paragraph();
    if (roll < 0.5) return table();
    if (roll < 0.55) return `<h2>${sentence()}</h2>`;
    if (roll < 0.6) return inlineElement();
    const tag = pick(CONTAINERS);
    const children = Array.from({ length: 1 + Math.floor(random() * 5) }, () => node(depth + 1));
    if (tag === 'ul') return `<ul${attrs()}>${children.map((c) => `<li>${c}</li>`).join('')}</ul>`;
    if (tag === 'dl') return `<dl${attrs()}><dt>${pick(WORDS)}</dt><dd>${children.join('')}</dd></dl>`;
    if (tag === 'table') return `<table${attrs()}><tr><td>${children.join('')}</td><td>${pick(WORDS)}</td></tr></table>`;
    if (tag === 'details') return `<details${attrs()}><summary>${pick(WORDS)}</summary>${children.join('')}</details>`;
    return `<${tag}${attrs()}>${children.join('\n')}</${tag}>`;
  };
  const body = Array.from({ length: 1 + Math.floor(random() * 5) }, () => node(0)).join('\n');
  return `<!doctype html><html><head><title>${sentence()}</title></head><body>${body}</body></html>`;
}
