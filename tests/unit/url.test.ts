import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../lib/registrable-domain';
import { safeHttpUrl } from '../../lib/url';

describe('safeHttpUrl (source links kept and opened)', () => {
  it('keeps http(s) addresses without the sentence punctuation after them', () => {
    expect(safeHttpUrl('https://news.example/a/b?c=1).')).toBe('https://news.example/a/b?c=1');
    expect(safeHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
  });

  it('refuses every other scheme and malformed addresses', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'ftp://x.example/', '//x.example', 'https://', '', undefined]) {
      expect(safeHttpUrl(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('addresses shown to the reader', () => {
  it('drops credentials, which would make an address read as another site', () => {
    expect(safeHttpUrl('https://trusted.example@evil.example/story')).toBe('https://evil.example/story');
    expect(safeHttpUrl('https://user:pass@evil.example/')).toBe('https://evil.example/');
  });

  it('names the registrable domain of an address, public suffixes included', () => {
    expect(registrableDomain('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(registrableDomain('https://a.b.example.com/')).toBe('example.com');
    expect(registrableDomain('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(registrableDomain('not a url')).toBeUndefined();
  });
});
