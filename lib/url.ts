/**
 * The address as an absolute http(s) URL, or undefined: javascript:, data: and malformed addresses
 * never pass. Trailing sentence punctuation ("see https://a.example/x.") is not part of the address.
 * Used where a page-given address is kept (boilerplate's source link) and where one is opened (popup).
 */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.replace(/[.,;:!?)\]}>"'»”’]{1,10}$/, '');
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
