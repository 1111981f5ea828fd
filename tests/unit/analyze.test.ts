import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_SETTINGS, MIN_JUDGED_WORDS, SIGNAL_IDS } from '../../lib/index';
import { seeds } from '../../corpora';

const FRENCH =
  'Le gouvernement a présenté mercredi un projet de loi destiné à renforcer la sécurité des réseaux ' +
  "électriques. Selon le ministre, les investissements prévus permettront de moderniser les installations " +
  "d'ici à la fin de la décennie, tout en limitant la hausse des tarifs pour les ménages et les entreprises.\n" +
  'Pays | Réponse |\n---|---|\nFrance | Hausse des contrôles |\nBelgique | Exercices militaires |\n';

describe('analyze', () => {
  it('reports every signal, the verdict at the thresholds and offsets that point into the text', () => {
    const text = 'The desk under shows how synthetic intelligence will change Jap Europe and its financial system.';
    const r = analyze(text);
    expect(Object.keys(r.signals)).toEqual([...SIGNAL_IDS]);
    expect(r.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(r.flagged).toBe(r.verdict !== 'clean');
    for (const s of Object.values(r.signals)) {
      for (const f of s.findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
    }
    const spun = r.signals.spun.findings.map((f) => [f.actual, f.expected?.[0]]);
    expect(spun).toContainEqual(['synthetic intelligence', 'artificial intelligence']);
  });

  it('says "not assessed" for the English lexicon on another language, and still runs the other signals', () => {
    const r = analyze(FRENCH);
    expect(r.language).toBe('fra');
    expect(r.signals.spun.assessed).toBe(false);
    expect(r.signals.spun.note).toMatch(/not assessed/i);
    expect(r.signals.tables.assessed).toBe(true);
    expect(r.signals.tables.findings.map((f) => f.rule)).toEqual(['tables/raw-markdown']);
  });

  it('applies thresholds, weights and switches from the settings', () => {
    const seed = seeds()[0]!.text;
    const machine = seeds()[1]!.text;
    expect(analyze(machine).verdict).not.toBe('clean');
    expect(analyze(machine, { thresholds: { suspicious: 99, syndicated: 100 } }).verdict).toBe('clean');
    const off = analyze(seed, { signals: { spun: { enabled: false }, tables: { enabled: false }, boilerplate: { enabled: false } } });
    expect(off.score).toBe(0);
    expect(off.signals.spun.note).toMatch(/off/i);
    const light = analyze(machine, { signals: { tables: { weight: 0.2 } } });
    expect(light.score).toBeLessThan(analyze(machine).score);
  });

  it('ignores invalid settings field by field instead of failing', () => {
    const r = analyze('Plain words.', { thresholds: { suspicious: -5 } } as never);
    expect(r.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
  });

  it('gives an empty page a clean, empty report', () => {
    const r = analyze('');
    expect(r).toMatchObject({ score: 0, verdict: 'clean', flagged: false, words: 0, language: 'und' });
  });
});

describe('the seed articles', () => {
  const [spun, machine] = seeds();

  it('calls the spun, table-flattening scraper page syndicated, with all three signals firing', () => {
    const r = analyze(spun!.text);
    expect(r.verdict).toBe('syndicated');
    for (const id of ['spun', 'tables', 'boilerplate'] as const) expect(r.signals[id].findings.length, id).toBeGreaterThan(0);
  });

  it('calls the machine-written page with raw pipe tables at least suspicious, with its tables found', () => {
    const r = analyze(machine!.text);
    expect(r.verdict).not.toBe('clean');
    expect(r.signals.tables.findings.filter((f) => f.table).length).toBeGreaterThanOrEqual(2);
  });
});

describe('input that is not text', () => {
  it('gets the verdict not-text with its reason, never clean, and no signal is run on it', () => {
    let state = 7;
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const garbage = { latin1: bytes.toString('latin1'), utf8: bytes.toString('utf8'), replacements: 'Page \ufffd\ufffd\ufffd\ufffd text \ufffd\ufffd\ufffd.'.repeat(50) };
    for (const [name, text] of Object.entries(garbage)) {
      const r = analyze(text);
      expect(r.verdict, name).toBe('not-text');
      expect(r.flagged).toBe(false);
      expect(r.notText).toMatch(/control characters|not valid UTF-8/);
      expect(r.tooLittleText).toBeUndefined();
      for (const id of SIGNAL_IDS) expect(r.signals[id]).toMatchObject({ assessed: false, findings: [], note: expect.stringMatching(/not text/) });
    }
  });

  it('still reads text with a few replacement characters, as a legacy-encoded page read as UTF-8 has', () => {
    const r = analyze('Le pr\ufffdsident a d\ufffdclar\ufffd que la r\ufffdforme serait pr\ufffdsent\ufffde bient\ufffdt. '.repeat(20));
    expect(r.verdict).toBe('clean');
    expect(r.notText).toBeUndefined();
  });

  it('still reads text with a few stray control characters', () => {
    const r = analyze('Copyright for syndicated content belongs to the linked Source\u0000 and more prose. '.repeat(3) + 'x'.repeat(3000));
    expect(r.signals.boilerplate.assessed).toBe(true);
  });
});

describe('texts too short to judge', () => {
  it('does not call an empty or very short page clean on no evidence', () => {
    for (const text of ['', 'Sign in to continue. Forgot your password?']) {
      const r = analyze(text);
      expect(r.flagged).toBe(false);
      expect(r.tooLittleText).toBe(true);
    }
  });

  it('still flags a short scraper stub by its footer', () => {
    const stub =
      'Markets rose on Monday as investors weighed new data. Source link : https://example.com/markets Copyright for syndicated content belongs to the linked Source.';
    const r = analyze(stub);
    expect(r.words).toBeLessThan(MIN_JUDGED_WORDS);
    expect(r.flagged).toBe(true);
    expect(r.tooLittleText).toBeUndefined();
  });

  it('judges an ordinary article of normal length', () => {
    const r = analyze('The council met on Tuesday to discuss the new library and the roads around the school. '.repeat(5));
    expect(r.words).toBeGreaterThanOrEqual(MIN_JUDGED_WORDS);
    expect(r.verdict).toBe('clean');
    expect(r.tooLittleText).toBeUndefined();
  });
});

describe('a page in a language a signal cannot read', () => {
  const french = "Le conseil municipal a approuvé mardi le nouveau budget, après un débat qui a duré presque toute la soirée. Les élus se sont disputés sur le coût des réparations des routes, de la bibliothèque et d'une nouvelle ligne de bus vers l'hôpital. Le maire a déclaré que le plan équilibre les besoins des habitants avec les limites des revenus de la ville.";

  it('is not flagged, and says which signals could not judge it rather than passing for checked and clean', () => {
    const r = analyze(french);
    expect(r.language).toBe('fra');
    expect(r.flagged).toBe(false);
    expect(r.notJudgedInLanguage).toEqual(['spun']);
    expect(analyze(french, { signals: { spun: { enabled: false } } }).notJudgedInLanguage).toBeUndefined();
  });
});
