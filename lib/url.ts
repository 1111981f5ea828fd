/**
 * The address as an absolute http(s) URL, or undefined: javascript:, data: and malformed addresses
 * never pass. Trailing sentence punctuation ("see https://a.example/x.") is not part of the address.
 * Credentials are dropped: `https://trusted.example@evil.example/` goes to evil.example but reads
 * as trusted.example. Used where a page-given address is kept (boilerplate's source link) and where
 * one is shown or opened (popup).
 */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.replace(/[.,;:!?)\]}>"'»”’]{1,10}$/, '');
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** An outlet's name as its letters and digits, lower case, without a leading "the": "The Example Times" → "exampletimes". */
export function foldOutletName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * True when a folded outlet name belongs to a site with these labels (its host's names, at least
 * three characters each): it contains one, or is contained in one ("bbcnews" and `bbc`,
 * "fool" and `motleyfool`). Names under three characters name nothing.
 */
export function outletNameFits(folded: string, labels: readonly string[]): boolean {
  return folded.length >= 3 && labels.some((label) => folded.includes(label) || label.includes(folded));
}
