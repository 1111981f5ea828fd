import { describe, expect, it } from 'vitest';
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
