import { getDomain } from 'tldts';
import { safeHttpUrl } from './url';

// Apart from lib/url.ts because the Public Suffix List is most of a bundle that holds it: the content
// script, which runs on every page, reads page addresses with lib/url.ts and must not carry it.

/**
 * The part of an address's host that one owner registered ("bbc.co.uk" for www.bbc.co.uk, by the
 * Public Suffix List), which is what tells one site from another; an IP address is its own. Undefined
 * for what is not an http(s) address.
 */
export function registrableDomain(raw: string | undefined): string | undefined {
  const href = safeHttpUrl(raw);
  if (!href) return undefined;
  const { hostname } = new URL(href);
  return getDomain(hostname, { allowPrivateDomains: false }) ?? hostname;
}
