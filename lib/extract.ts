/**
 * Article text extraction from a DOM, shared by the content script (live page) and the CLI
 * (linkedom). Takes the document as a parameter: lib/ uses no DOM globals.
 *
 * Placeholder: walks the body's text nodes, skipping non-content elements. The extension issue
 * replaces it with main-content extraction and keeps this signature.
 */
export interface TextSegment {
  node: Text;
  /** Offsets of this node's text in `ExtractedText.text`. */
  start: number;
  end: number;
}

export interface ExtractedText {
  text: string;
  title: string;
  segments: TextSegment[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA']);
const BLOCK = /^(P|DIV|LI|TR|TD|TH|H[1-6]|BLOCKQUOTE|PRE|SECTION|ARTICLE|UL|OL|TABLE|BR|FIGCAPTION|DT|DD)$/;

export function extractArticle(doc: Document): ExtractedText {
  const segments: TextSegment[] = [];
  let text = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const value = (n as Text).data;
        if (!value.trim()) continue;
        segments.push({ node: n as Text, start: text.length, end: text.length + value.length });
        text += value;
      } else if (n.nodeType === 1) {
        const child = n as Element;
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        walk(child);
        if (BLOCK.test(tag) && text && !text.endsWith('\n')) text += '\n';
      }
    }
  };
  if (doc.body) walk(doc.body);
  return { text, title: doc.title ?? '', segments };
}
