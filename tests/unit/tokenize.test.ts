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

describe('tokenize agrees with the phrase tokeniser', () => {
  it('on mixed scripts, marks, astral characters, apostrophes and symbols', () => {
    const text =
      "Naïve café—l’été d'Ελλάδα: 東京タワー 𝐁𝐨𝐥𝐝 🙂🙂 e\u0301tude x''y don’t’ 'quoted' \u00a0nbsp\u2003em ١٢٣ ok!?\ud800 lone";
    const t = tokenize(text);
    expect(t.norms).toEqual(phraseTokens(text));
    for (let i = 0; i < t.count; i++) expect(normalise(text.slice(t.starts[i], t.ends[i]))).toBe(t.norms[i]);
  });
});

function normalise(s: string) {
  return s.toLowerCase().replace(/’/g, "'");
}
