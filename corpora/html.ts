/**
 * HTML documentation page → prose paragraphs. Written for the generators Debian's documentation
 * packages use (Sphinx, DocBook, Publican, mdBook, Asciidoctor, Node's doc tool): it reads the
 * page's main content only and leaves out code, tables, navigation and page furniture.
 */
import { parseHTML } from 'linkedom';
import { CODE_MARK, proseOf } from './prose';

/** Where the main content sits, most specific first; the body when none matches. */
const CONTENT_ROOTS = ['main', '[role="main"]', '#apicontent', 'article', '#content', 'body'];

/**
 * Left out whole: code and program output, tables, navigation, tables of contents, page headers
 * and footers, API signatures (`dt`) and metadata, figures, forms, and permalink markers.
 */
const DROPPED = [
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'img', 'figure', 'form', 'button', 'select',
  'pre', 'table', 'nav', 'header', 'footer', 'aside', 'dt',
  '.highlight', '.literalblock', '.listingblock', '.programlisting', '.screen', '.synopsis', '.cmdsynopsis',
  '.funcsynopsis', '.toc', '#toc', '.contents', '.navheader', '.navfooter', '.related', '.sphinxsidebar',
  '.headerlink', '.breadcrumbs', '.menu-bar', '#sidebar', '.api_metadata', '.api_stability', '.legalnotice',
  '.footnotes', '#footnotes', '.footnote', '.docutils.footnote', '.citation', '#banner',
].join(', ');

/** Inline code: replaced by CODE_MARK so the sentence around it is dropped. */
const INLINE_CODE = 'code, kbd, samp, tt, var, span.pre, .literal, .command, .option, .filename, .replaceable';

/** Elements that flow inside a paragraph; every other element starts and ends one. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'mark', 'q', 'ruby', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr',
]);

/** A heading of these levels starts a new section. */
const SECTION_HEADINGS = new Set(['h1', 'h2']);

interface Walk {
  dropped: Set<Element>;
  code: Set<Element>;
  sections: string[][];
  paragraph: string[];
}

function endParagraph(w: Walk): void {
  const prose = proseOf(w.paragraph.join(''));
  if (prose) w.sections[w.sections.length - 1]!.push(prose);
  w.paragraph = [];
}

function walk(node: Node, w: Walk): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      w.paragraph.push(child.textContent ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    const inline = INLINE.has(tag);
    if (w.code.has(el)) {
      w.paragraph.push(CODE_MARK);
      continue;
    }
    if (!inline) endParagraph(w);
    if (SECTION_HEADINGS.has(tag) && w.sections[w.sections.length - 1]!.length) w.sections.push([]);
    if (!w.dropped.has(el)) walk(el, w);
    if (!inline) endParagraph(w);
  }
}

/**
 * The prose of a page, cut at its h1 and h2 headings: one entry per section, each its prose
 * paragraphs one a line; sections without prose are left out.
 */
export function htmlProseSections(html: string): string[] {
  const { document } = parseHTML(html);
  const root = CONTENT_ROOTS.map((s) => document.querySelector(s)).find((el) => el) ?? document.documentElement;
  const w: Walk = {
    dropped: new Set(Array.from(root.querySelectorAll(DROPPED))),
    code: new Set(Array.from(root.querySelectorAll(INLINE_CODE))),
    sections: [[]],
    paragraph: [],
  };
  walk(root, w);
  endParagraph(w);
  return w.sections.filter((s) => s.length).map((s) => s.join('\n'));
}

/** The prose of a page, its paragraphs one a line. */
export function htmlToProse(html: string): string {
  return htmlProseSections(html).join('\n');
}
