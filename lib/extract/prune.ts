import { classAndId, frameBodyOf } from './rendered-tree';

/**
 * Which subtrees are never article text: page furniture by tag, ARIA role or hidden state, and
 * Readability's "unlikely candidates" by class or id.
 */

const PRUNED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU', 'HEAD',
]);
const PRUNED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog']);
/** Readability's "unlikely candidates", unless the same class/id also says content. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|newsletter|share/i;
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow/i;

/** True when nothing inside `el` (whose upper-case tag is `tag`) can be article text. */
export function isPruned(el: Element, tag: string): boolean {
  // A frame is read (in place) only when its document can be.
  if (tag === 'IFRAME') return frameBodyOf(el) === undefined || el.hasAttribute('hidden');
  if (PRUNED_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && PRUNED_ROLES.has(role)) return true;
  if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  const hints = classAndId(el);
  return hints !== '' && UNLIKELY.test(hints) && !MAYBE_CONTENT.test(hints);
}
