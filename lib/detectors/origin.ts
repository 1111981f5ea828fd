import { getDomainWithoutSuffix } from 'tldts';
import type { OriginClaim, OriginClaimKind } from '../origin';
import type { Finding } from '../types';
import { registrableDomain } from '../registrable-domain';
import { foldOutletName, outletNameFits } from '../url';
import type { Detector, DetectorInput, DetectorResult } from './detector';

/**
 * The origin signal: the page's own markup names another site as the article's home. That says
 * "this is a copy" reliably, but not "a bad copy": syndication partners who licensed the article,
 * and writers cross-posting their own posts (Medium's and dev.to's imports), are asked to mark
 * their copies exactly this way, and documentation mirrors keep their manual's own. So the signal
 * names the original and adds only a little to other evidence (measured in docs/signals.md).
 */
export const ORIGIN_SCORE = 5;

/** How each element reads to a reader, and what it says when it names another site. */
const CLAIM_WORDING: Record<Exclude<OriginClaimKind, 'og:site_name'>, { element: string; says: string }> = {
  canonical: { element: '<link rel="canonical">', says: 'names another site’s address as this page’s own: the article is a copy' },
  'og:url': { element: '<meta property="og:url">', says: 'gives another site’s address as this article’s, for sharing: the article is a copy' },
  'syndication-source': { element: '<meta name="syndication-source">', says: 'says the article was syndicated from another site' },
  'original-source': { element: '<meta name="original-source">', says: 'says the article’s original is on another site' },
  'json-ld:isBasedOn': { element: 'JSON-LD isBasedOn', says: 'says the article is based on one on another site' },
  'json-ld:sourceOrganization': { element: 'JSON-LD sourceOrganization', says: 'credits the article to an organisation on another site' },
  'json-ld:publisher': { element: 'JSON-LD publisher', says: 'names a publisher on another site' },
};

/**
 * True when an outlet's name fits an address's registered name ("The Example Times" and
 * times.example, "BBC News" and bbc.co.uk), as a boilerplate credit's outlet fits a page.
 */
export function nameFitsUrl(name: string, url: string): boolean {
  const registered = getDomainWithoutSuffix(new URL(url).hostname)?.toLowerCase().replace(/[^a-z0-9]/g, '');
  return registered !== undefined && registered.length >= 3 && outletNameFits(foldOutletName(name), [registered]);
}

/**
 * The name to show beside the original's address: the name a claim on the original's site gives
 * (a JSON-LD publisher with its URL), or the page's og:site_name when it fits the original's address
 * and not the page's own (a copy that kept the original's head).
 */
function originalName(claims: readonly OriginClaim[], original: string, pageUrl: string): string | undefined {
  const domain = registrableDomain(original);
  const named = claims.find((c) => c.name && c.url && registrableDomain(c.url) === domain);
  if (named?.name) return named.name;
  const siteName = claims.find((c) => c.kind === 'og:site_name')?.name;
  return siteName && nameFitsUrl(siteName, original) && !nameFitsUrl(siteName, pageUrl) ? siteName : undefined;
}

export function detectOrigin({ url, claims }: DetectorInput): DetectorResult {
  if (!claims) return { score: 0, findings: [], stats: {}, notAssessed: 'Not assessed: only a web page’s markup says where its article came from, and this input is plain text.' };
  const pageDomain = registrableDomain(url);
  if (!pageDomain) return { score: 0, findings: [], stats: { claims: claims.length }, notAssessed: 'Not assessed: the page’s own address is unknown, so no claim in its markup can be compared with it.' };
  const findings: Finding[] = [];
  for (const claim of claims) {
    if (claim.kind === 'og:site_name' || !claim.url) continue;
    const domain = registrableDomain(claim.url);
    if (!domain || domain === pageDomain) continue;
    const { element, says } = CLAIM_WORDING[claim.kind];
    findings.push({
      signal: 'origin',
      rule: `origin/${claim.kind.replace(/^json-ld:/, 'json-ld-').replace(':', '-')}`,
      message: `The page’s ${element} ${says} (${domain}).`,
      start: 0,
      end: 0,
      actual: '',
      weight: ORIGIN_SCORE / 100,
      url: claim.url,
      element,
    });
  }
  const stats = { claims: claims.length, elsewhere: findings.length };
  if (!findings.length) return { score: 0, findings, stats };
  const sourceUrl = findings[0]!.url!;
  const sourceName = originalName(claims, sourceUrl, url!);
  return { score: ORIGIN_SCORE, findings, stats, sourceUrl, ...(sourceName ? { sourceName } : {}) };
}

export const originDetector: Detector = { id: 'origin', englishOnly: false, detect: detectOrigin };
