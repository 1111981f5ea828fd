import { showsCode } from '../code';
import { independentEvidence, reportedScore } from '../independent-evidence';
import rawData from '../data/boilerplate.json';
import type { Finding } from '../types';
import type { Detector, DetectorInput, DetectorResult } from './detector';
import { parse as parseHost } from 'tldts';
import { foldOutletName, outletNameFits, safeHttpUrl } from '../url';

/**
 * Syndication boilerplate: the markers that scraper plugins, feed importers, autoblogs and article
 * generators leave in the pages they make ("Source link : …", "Copyright for syndicated content
 * belongs to the linked Source", "[ad_1]", "The post … appeared first on …", "Read more on
 * <another outlet>", "As an AI language model"). They come in families — one kind of marker, its
 * patterns, its weight, where it comes from and examples — in lib/data/boilerplate.json;
 * scripts/check-boilerplate.ts validates them. docs/boilerplate.md explains the weights.
 *
 * Every pattern is tested against one line at a time, trimmed and at most `maxLineLength`
 * characters long; longer lines are prose, not footers, and are skipped. With bounded lines and
 * patterns without nested or unbounded quantifiers (the check script enforces both), the cost is
 * linear in the text whatever it contains.
 */

/**
 * How a pattern's `outlet` group is judged against the page's own address:
 * `elsewhere`: only a credit to another site counts (half weight when the page's address is unknown);
 * `own-site-exempt`: the line counts unless it names the page's own site.
 * Either way the group must look like an outlet's name or address.
 */
export type OutletRule = 'elsewhere' | 'own-site-exempt';

/** A line a family must (or must not) fire on, with the line before it and the page's address when they matter. */
export type BoilerplateExample = string | { line: string; previous?: string; url?: string; sourceUrl?: string };

/** One kind of marker: its patterns share a weight, a message and the rules for judging a match. */
export interface BoilerplateFamily {
  id: string;
  /** What the family catches. */
  description: string;
  /** Where the marker comes from and why honest pages do not show it. */
  source: string;
  /** The finding's message, one sentence a reader understands. */
  message: string;
  /**
   * Regex sources, each tested on one trimmed line; `%name%` stands for the alternatives of
   * `variants.name`. A named group `url` holds the address of the original article.
   */
  patterns: string[];
  flags: string;
  /** 0..1, what one match says on its own (docs/boilerplate.md). */
  weight: number;
  /** Every pattern's named group `outlet` names a site, judged against the page's own address. */
  outlet?: OutletRule;
  /** Regex the previous non-blank line must match for the family to count. */
  previous?: string;
  /** Why some patterns cannot be anchored at the line start; absent when all are anchored. */
  unanchored?: string;
  /** Why the family says nothing on a page that shows program code (lib/code.ts), where its marker is ordinary syntax; absent when it counts everywhere. */
  notOnCodePages?: string;
  examples: { match: BoilerplateExample[]; noMatch: BoilerplateExample[] };
}

export interface BoilerplateData {
  description: string;
  maxLineLength: number;
  maxFindings: number;
  /** Weight factor for an `elsewhere` credit when the page's own address is unknown. */
  unknownSiteFactor: number;
  /** Host-name labels that say nothing about which site a page belongs to (www, news, blog…). */
  genericHostLabels: string[];
  variants: Record<string, string[]>;
  families: BoilerplateFamily[];
}

export const BOILERPLATE_DATA = rawData as unknown as BoilerplateData;

/** One pattern of a family, compiled; a family's patterns are kept next to each other. */
export interface CompiledPattern {
  family: BoilerplateFamily;
  regex: RegExp;
  previous?: RegExp;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each `%name%` with a group of the variants' wordings (spaces match any one whitespace). Throws on an unknown name. */
export function expandVariants(source: string, variants: Record<string, string[]>): string {
  return source.replace(/%([a-z]{1,40})%/g, (_, name: string) => {
    const words = variants[name];
    if (!words || words.length === 0) throw new Error(`unknown variant %${name}%`);
    return `(?:${words.map((w) => escapeRegex(w).replace(/ /g, '\\s')).join('|')})`;
  });
}

/** Compiles a family's patterns; throws with the reason when one of its regexes (or its `previous` regex) is invalid. */
export function compileFamily(family: BoilerplateFamily, variants: Record<string, string[]>): CompiledPattern[] {
  const previous = family.previous === undefined ? undefined : new RegExp(expandVariants(family.previous, variants), family.flags);
  return family.patterns.map((source) => {
    const regex = new RegExp(expandVariants(source, variants), family.flags);
    return previous ? { family, regex, previous } : { family, regex };
  });
}

/**
 * Host-name labels that identify a site: no public suffix (`com`, `co.uk`, by the Public Suffix
 * List, so that `bls` of www.bls.gov is kept), no generic labels; and the registrable domain
 * itself, which is all that identifies a site whose name is shorter than three letters (u.today,
 * ft.com).
 */
function siteLabels(hostname: string, generic: ReadonlySet<string>): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const { domain, domainWithoutSuffix, subdomain } = parseHost(host, { allowPrivateDomains: false });
  const labels = domainWithoutSuffix ? [...(subdomain ? subdomain.split('.') : []), domainWithoutSuffix] : host.split('.');
  const named = labels.filter((l) => l.length >= 3 && !generic.has(l));
  return domain ? [...named, domain] : named;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'la', 'le', 'du', 'des', 'el', 'y', 'e', 'da', 'di']);
const DOMAIN = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}$/i;
const MAX_OUTLET_WORDS = 8;

interface Outlet {
  /** Labels of its address, or its name folded to letters and digits. */
  labels: string[];
  name?: string;
  url?: string;
}

/** Reads an outlet named in a credit line: an address, a domain, or a title-case name; undefined when it is none of these. */
function readOutlet(raw: string, generic: ReadonlySet<string>): Outlet | undefined {
  const text = raw.trim().replace(/[.,;:!?]{1,5}$/, '');
  const url = safeHttpUrl(text);
  if (url) return { labels: siteLabels(new URL(url).hostname, generic), url };
  // A domain ends in a real public suffix: `foodialect.dialect` or `model.fit` is code, not a site.
  if (DOMAIN.test(text)) return parseHost(text, { allowPrivateDomains: false }).isIcann ? { labels: siteLabels(text, generic) } : undefined;
  const words = text.split(/\s{1,10}/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'the') words.shift();
  if (words.length === 0 || words.length > MAX_OUTLET_WORDS || !/^[\p{Lu}\p{N}]/u.test(words[0]!)) return undefined;
  const nameLike = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTORS.has(w.toLowerCase()) || !/\p{L}/u.test(w));
  if (!nameLike) return undefined;
  const name = foldOutletName(words.join(''));
  return name ? { labels: [], name } : undefined;
}

/** True when the outlet is the page's own site: a shared address label, or a name containing (or contained in) one. */
function isOwnSite(outlet: Outlet, pageLabels: string[]): boolean {
  return pageLabels.some((label) => outlet.labels.includes(label)) || (outlet.name !== undefined && outletNameFits(outlet.name, pageLabels));
}

const isSpace = (c: number) => c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** What one pattern match is worth on this page, and the source address it gives; undefined when it does not count here. */
function judgeMatch(
  cp: CompiledPattern,
  groups: Record<string, string | undefined>,
  pageLabels: string[] | undefined,
  data: BoilerplateData,
  generic: ReadonlySet<string>,
): { weight: number; url?: string } | undefined {
  const { family } = cp;
  let weight = family.weight;
  let url = safeHttpUrl(groups.url);
  if (family.outlet) {
    const outlet = readOutlet(groups.outlet ?? '', generic);
    if (!outlet) return undefined;
    // A credit whose link goes to the page's own site is the site's own link, whatever name it shows.
    const linked = url === undefined ? undefined : { labels: siteLabels(new URL(url).hostname, generic) };
    if (pageLabels === undefined) {
      if (family.outlet === 'elsewhere') weight *= data.unknownSiteFactor;
    } else if (isOwnSite(outlet, pageLabels) || (linked && isOwnSite(linked, pageLabels))) {
      return undefined;
    }
    url ??= outlet.url;
  }
  return url ? { weight, url } : { weight };
}

export interface BoilerplateScan {
  findings: Finding[];
  /** Highest weight seen per family id (also beyond `maxFindings`). */
  strongest: Map<string, number>;
  matches: number;
  lines: number;
  longLines: number;
}

/** Tests every line of `text` against the patterns; a family counts at most once a line. Exported for the check script, which runs the data file's examples through it. */
export function scanBoilerplate(text: string, pageUrl: string | undefined, patterns: CompiledPattern[], data: BoilerplateData): BoilerplateScan {
  const generic = new Set(data.genericHostLabels);
  const page = pageUrl === undefined ? undefined : safeHttpUrl(pageUrl);
  const pageLabels = page === undefined ? undefined : siteLabels(new URL(page).hostname, generic);
  const scan: BoilerplateScan = { findings: [], strongest: new Map(), matches: 0, lines: 0, longLines: 0 };
  let previousLine: string | undefined;
  // Read on the first match of a family that needs it: most pages have none.
  let codePage: boolean | undefined;
  const n = text.length;
  let pos = 0;
  while (pos <= n) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? n : newline;
    let start = pos;
    let end = lineEnd;
    pos = lineEnd + 1;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    if (end - start > data.maxLineLength) {
      scan.longLines++;
      previousLine = undefined;
      continue;
    }
    scan.lines++;
    const line = text.slice(start, end);
    let familyOnLine: BoilerplateFamily | undefined;
    for (const cp of patterns) {
      if (cp.family === familyOnLine) continue;
      const m = cp.regex.exec(line);
      if (!m) continue;
      if (cp.previous && (previousLine === undefined || !cp.previous.test(previousLine))) continue;
      if (cp.family.notOnCodePages && (codePage ??= showsCode(text))) continue;
      const judged = judgeMatch(cp, m.groups ?? {}, pageLabels, data, generic);
      if (!judged) continue;
      familyOnLine = cp.family;
      scan.matches++;
      const id = cp.family.id;
      scan.strongest.set(id, Math.max(scan.strongest.get(id) ?? 0, judged.weight));
      if (scan.findings.length >= data.maxFindings) continue;
      const finding: Finding = {
        signal: 'boilerplate',
        rule: `boilerplate/${id}`,
        message: cp.family.message,
        start: start + m.index,
        end: start + m.index + m[0].length,
        actual: m[0],
        weight: judged.weight,
      };
      if (judged.url) finding.url = judged.url;
      scan.findings.push(finding);
    }
    previousLine = line;
  }
  return scan;
}

/** The families' matches as independent evidence (lib/independent-evidence.ts), one piece per family (its strongest match), so a repeated line counts once. */
export function boilerplateScore(strongest: Map<string, number>): number {
  return reportedScore(independentEvidence(strongest.values()));
}

let compiled: CompiledPattern[] | undefined;
/** Compiled on first use, so a module import never fails on the data file (the check script reports its problems). */
function defaultPatterns(): CompiledPattern[] {
  compiled ??= BOILERPLATE_DATA.families.flatMap((f) => compileFamily(f, BOILERPLATE_DATA.variants));
  return compiled;
}

export function detectBoilerplate(input: DetectorInput): DetectorResult {
  const scan = scanBoilerplate(input.text, input.url, defaultPatterns(), BOILERPLATE_DATA);
  const result: DetectorResult = {
    score: boilerplateScore(scan.strongest),
    findings: scan.findings,
    stats: { matches: scan.matches, distinctFamilies: scan.strongest.size, linesScanned: scan.lines, longLinesSkipped: scan.longLines },
  };
  let best: Finding | undefined;
  for (const f of scan.findings) if (f.url && (!best || f.weight > best.weight)) best = f;
  if (best?.url) result.sourceUrl = best.url;
  return result;
}

export const boilerplateDetector: Detector = { id: 'boilerplate', englishOnly: false, detect: detectBoilerplate };
