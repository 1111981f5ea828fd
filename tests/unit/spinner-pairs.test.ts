import { describe, expect, it } from 'vitest';
import { learnSubstitutions, spinnerSynonyms } from '../../scripts/lexicon/spinner-pairs';

describe('substitutions learned from tortured phrase pairs', () => {
  it('aligns equal-length phrases word by word and counts each substitution once per phrase', () => {
    const subs = learnSubstitutions([
      { tortured: 'profound learning', correct: 'deep learning' },
      { tortured: 'profound neural network', correct: 'deep neural network' },
      { tortured: 'counterfeit consciousness', correct: 'artificial intelligence' },
    ]);
    expect(subs.get('deep')?.get('profound')).toBe(2);
    expect(subs.get('artificial')?.get('counterfeit')).toBe(1);
    expect(subs.get('intelligence')?.get('consciousness')).toBe(1);
    expect(subs.has('learning')).toBe(false);
  });

  it('keeps a one-word original given a multi-word substitute, and drops multi-word originals', () => {
    const subs = learnSubstitutions([
      { tortured: 'malignant growth', correct: 'cancer' },
      { tortured: 'the irregular woodland classifier', correct: 'the random forest' },
    ]);
    expect(subs.get('cancer')?.get('malignant growth')).toBe(1);
    expect([...subs.keys()]).toEqual(['cancer']);
  });

  it('offers as synonyms only substitutions shown by enough phrases', () => {
    const pairs = [
      { tortured: 'profound learning', correct: 'deep learning' },
      { tortured: 'profound network', correct: 'deep network' },
      { tortured: 'huge information', correct: 'big data' },
    ];
    expect(spinnerSynonyms(pairs, 2).synonyms('deep')).toEqual(['profound']);
    expect(spinnerSynonyms(pairs, 2).synonyms('big')).toEqual([]);
    expect(spinnerSynonyms(pairs, 1).synonyms('data')).toEqual(['information']);
  });
});
