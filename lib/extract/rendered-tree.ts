/**
 * Reading the page as it is rendered, through the few DOM properties that linkedom and browsers
 * share: open shadow roots (a closed one cannot be seen by any script, ours included), slots'
 * assigned nodes, and same-origin frames' documents (a cross-origin frame cannot be read).
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export function tagOf(el: Element): string {
  return (el.tagName || '').toUpperCase();
}

/** The class and id attributes together, the names pages give their parts. */
export function classAndId(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return cls && id ? `${cls} ${id}` : cls || id || '';
}

/** An element's open shadow root. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  return (el as { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** The nodes assigned to a slot, when the DOM implementation has slots. */
export function assignedNodesOf(el: Element): readonly Node[] | undefined {
  const slot = el as { assignedNodes?: (options?: { flatten?: boolean }) => Node[] };
  return typeof slot.assignedNodes === 'function' ? slot.assignedNodes() : undefined;
}

/** The body of a frame's document when it can be read (same origin, loaded); a cross-origin frame gives undefined. */
export function frameBodyOf(el: Element): HTMLElement | undefined {
  try {
    return (el as { contentDocument?: Document | null }).contentDocument?.body ?? undefined;
  } catch {
    return undefined;
  }
}

/** Shadow roots and frame documents the walk entered, each with the element that shows it. */
export type Hosts = Map<Node, Element>;

/** The element a node is shown in: its parent, a shadow root's host, a frame document's frame. */
export function renderedParentOf(hosts: Hosts, node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === ELEMENT_NODE) return parent as Element;
  return hosts.get(parent) ?? null;
}
