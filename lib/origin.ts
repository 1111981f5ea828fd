import { safeHttpUrl } from './url';

/**
 * What a page's own markup says about where its article came from. Publishers and syndication
 * partners mark a copy with the original's address (Google's guidance for syndicated news asks for
 * a canonical link to the original, and once did for the `syndication-source` and
 * `original-source` meta tags), and content-management plugins that import feeds often keep them.
 * The document is a parameter, so the same reader serves the content script and the command line.
 */

/** The element a claim was read from. */
export const ORIGIN_CLAIM_KINDS = [
  'canonical',
  'og:url',
  'syndication-source',
  'original-source',
  'json-ld:isBasedOn',
  'json-ld:sourceOrganization',
  'json-ld:publisher',
  'og:site_name',
] as const;
export type OriginClaimKind = (typeof ORIGIN_CLAIM_KINDS)[number];

export interface OriginClaim {
  kind: OriginClaimKind;
  /** The address the element gives: absolute http(s), credentials removed. */
  url?: string;
  /** The name it gives (og:site_name, an organisation's `name`). */
  name?: string;
}

/** Claims kept per page: a page with hundreds of JSON-LD blocks must not cost more than its article. */
const MAX_CLAIMS = 20;
/** JSON-LD blocks read per page, and the characters read of each; article metadata is far smaller. */
const MAX_JSON_LD_BLOCKS = 8;
const MAX_JSON_LD_CHARS = 100_000;
/** Longer names are not an outlet's name. */
const MAX_NAME_CHARS = 120;

const cleanName = (raw: unknown): string | undefined => {
  if (typeof raw !== 'string') return undefined;
  const name = raw.replace(/\s+/g, ' ').trim();
  return name && name.length <= MAX_NAME_CHARS ? name : undefined;
};

/** An address as the page gives it, resolved against the page's base address (a canonical may be relative). */
function absolute(raw: unknown, base: string | undefined): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  try {
    return safeHttpUrl(base ? new URL(raw.trim(), base).href : raw.trim());
  } catch {
    return undefined;
  }
}

function metaContent(doc: Document, attribute: 'property' | 'name', value: string): string | undefined {
  for (const meta of doc.querySelectorAll(`meta[${attribute}]`)) {
    if (meta.getAttribute(attribute)?.trim().toLowerCase() === value) return meta.getAttribute('content') ?? undefined;
  }
  return undefined;
}

/** The claims of one JSON-LD value: a page's `Article`, a `@graph` of nodes, or an array of either. */
function jsonLdClaims(value: unknown, base: string | undefined, out: OriginClaim[], depth = 0): void {
  if (depth > 4 || out.length >= MAX_CLAIMS || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) jsonLdClaims(item, base, out, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if ('@graph' in node) jsonLdClaims(node['@graph'], base, out, depth + 1);
  const fields = [
    ['isBasedOn', 'json-ld:isBasedOn'],
    ['sourceOrganization', 'json-ld:sourceOrganization'],
    ['publisher', 'json-ld:publisher'],
  ] as const;
  for (const [field, kind] of fields) {
    for (const item of ([] as unknown[]).concat(node[field] ?? []).slice(0, 5)) {
      // A reference is an address, or an object with `url` (or `@id`, which is often the address) and `name`.
      const ref = typeof item === 'string' ? { url: item } : typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const url = absolute(ref.url, base) ?? absolute(ref['@id'], base);
      const name = cleanName(ref.name);
      if ((url || name) && out.length < MAX_CLAIMS) out.push({ kind, ...(url ? { url } : {}), ...(name ? { name } : {}) });
    }
  }
}

/** Every claim about the article's origin in the document's markup (at most MAX_CLAIMS); never throws. */
export function readOriginClaims(doc: Document): OriginClaim[] {
  const claims: OriginClaim[] = [];
  const base = safeHttpUrl(doc.baseURI ?? undefined);
  const push = (kind: OriginClaimKind, url: string | undefined) => {
    if (url) claims.push({ kind, url });
  };
  try {
    const canonical = Array.from(doc.querySelectorAll('link[rel][href]')).find((link) => link.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical'));
    push('canonical', absolute(canonical?.getAttribute('href'), base));
    push('og:url', absolute(metaContent(doc, 'property', 'og:url'), base));
    push('syndication-source', absolute(metaContent(doc, 'name', 'syndication-source'), base));
    push('original-source', absolute(metaContent(doc, 'name', 'original-source'), base));
    const jsonLd = Array.from(doc.querySelectorAll('script[type]')).filter((s) => s.getAttribute('type')!.trim().toLowerCase() === 'application/ld+json');
    for (const script of jsonLd.slice(0, MAX_JSON_LD_BLOCKS)) {
      const source = script.textContent ?? '';
      if (source.length > MAX_JSON_LD_CHARS) continue;
      try {
        jsonLdClaims(JSON.parse(source), base, claims);
      } catch {
        // Malformed JSON-LD is common on real pages and says nothing.
      }
    }
    const siteName = cleanName(metaContent(doc, 'property', 'og:site_name'));
    if (siteName) claims.push({ kind: 'og:site_name', name: siteName });
  } catch {
    // A document the DOM implementation cannot query has no claims.
  }
  return claims.slice(0, MAX_CLAIMS);
}

const KINDS = new Set<string>(ORIGIN_CLAIM_KINDS);

/**
 * Claims that arrived from elsewhere (a message from a content script), checked field by field:
 * undefined when `raw` is not a list, so the origin signal says it could not judge rather than
 * that the page claims nothing.
 */
export function validOriginClaims(raw: unknown): OriginClaim[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const claims: OriginClaim[] = [];
  for (const item of raw.slice(0, MAX_CLAIMS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { kind, url, name } = item as Record<string, unknown>;
    if (typeof kind !== 'string' || !KINDS.has(kind)) continue;
    const safeUrl = typeof url === 'string' ? safeHttpUrl(url) : undefined;
    const safeName = cleanName(name);
    if (safeUrl || safeName) claims.push({ kind: kind as OriginClaimKind, ...(safeUrl ? { url: safeUrl } : {}), ...(safeName ? { name: safeName } : {}) });
  }
  return claims;
}
