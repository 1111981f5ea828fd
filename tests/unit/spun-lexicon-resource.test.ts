import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { spunModelFromFile } from '../../cli/spun-model';
import { CONTEXT_NOT_LOADED_NOTE, LEXICON_NOT_LOADED_NOTE } from '../../lib/detectors/spun';
import { analyze } from '../../lib/index';
import { compileLexicon, type LexiconData } from '../../lib/lexicon';

// As in the extension's build (wxt.config.ts): the engine has no bundled lexicon, and the caller
// passes the one it loaded, or none when loading failed.
vi.mock('../../lib/spun/bundled-lexicon', () => ({ BUNDLED_LEXICON: undefined }));

const text = 'Our imaginative and prescient is to lead in synthetic intelligence across Jap Europe, said the chairman of the board.';
const lexicon = compileLexicon(JSON.parse(readFileSync(new URL('../../lib/data/lexicon.json', import.meta.url), 'utf8')) as LexiconData);

describe('the spun signal with its lexicon as a loaded resource', () => {
  it('finds known phrases with the lexicon the caller loaded', () => {
    const r = analyze(text, {}, {}, { spunLexicon: lexicon });
    expect(r.signals.spun.findings.map((f) => f.actual)).toEqual(['imaginative and prescient', 'synthetic intelligence', 'Jap Europe']);
  });

  it('says the known phrases were not checked when the lexicon could not be loaded, and still judges words in context', () => {
    const r = analyze(text, {}, {}, { spunModel: spunModelFromFile() });
    expect(r.signals.spun.assessed).toBe(true);
    expect(r.signals.spun.note).toContain(LEXICON_NOT_LOADED_NOTE);
    expect(r.signals.spun.findings.filter((f) => f.rule === 'spun/lexicon')).toEqual([]);
    expect(r.signals.spun.stats.lexiconSize).toBe(0);
  });

  it('is not assessed, and says why, when neither the model nor the lexicon could be loaded', () => {
    const r = analyze(text, {}, {}, {});
    expect(r.signals.spun.assessed).toBe(false);
    expect(r.signals.spun.note).toMatch(/neither the model of English nor the list of known spun phrases could be loaded/);
    expect(r.verdict).toBe('clean');
  });

  it('with the lexicon but no model, checks known phrases only and says so', () => {
    const r = analyze(text, {}, {}, { spunLexicon: lexicon });
    expect(r.signals.spun.note).toBe(CONTEXT_NOT_LOADED_NOTE);
  });
});
