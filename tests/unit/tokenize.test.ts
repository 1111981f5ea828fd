import { describe, expect, it } from 'vitest';
import { phraseTokens, tokenize } from '../../lib/tokenize';

describe('tokenize', () => {
  it('splits words and punctuation with offsets into the original text', () => {
    const text = 'Key points embrace: “don’t” stop—now.';
    const t = tokenize(text);
    const seen = Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
    expect(seen).toEqual(['Key', 'points', 'embrace', ':', '“', 'don’t', '”', 'stop', '—', 'now', '.']);
    expect(t.norms[5]).toBe("don't");
    expect(t.words).toBe(6);
  });

  it('keeps offsets right when lower-casing changes a string length (İ)', () => {
    const text = 'İstanbul Jap Europe';
    const t = tokenize(text);
    expect(text.slice(t.starts[1], t.ends[1])).toBe('Jap');
    expect(t.norms.slice(1)).toEqual(['jap', 'europe']);
  });

  it('tokenises a phrase exactly as it tokenises text', () => {
    expect(phraseTokens('Embrace:')).toEqual(['embrace', ':']);
    expect(phraseTokens('long-term')).toEqual(['long', '-', 'term']);
  });
});
