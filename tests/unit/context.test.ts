import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../lib/context';

describe('the sentence around a finding', () => {
  const text = 'The first sentence ends here. Leaders met in Jap Europe to talk about trade! Another one follows.\nA new line.';
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    return sentenceAround(text, start, start + phrase.length);
  };

  it('is the rest of the finding’s own sentence, not its neighbours', () => {
    expect(at('Jap Europe')).toEqual({ before: 'Leaders met in ', after: ' to talk about trade!' });
    expect(at('The first')).toEqual({ before: '', after: ' sentence ends here.' });
    expect(at('new line')).toEqual({ before: 'A ', after: '.' });
  });

  it('stops at a line break', () => {
    expect(at('follows')).toEqual({ before: 'Another one ', after: '.' });
  });

  it('cuts a long sentence at a space on each side, with an ellipsis', () => {
    const long = `${'word '.repeat(60)}PHRASE ${'more '.repeat(60)}end.`;
    const start = long.indexOf('PHRASE');
    const { before, after } = sentenceAround(long, start, start + 6, 40);
    expect(before).toMatch(/^…word( word)* $/);
    expect(before.length).toBeLessThanOrEqual(41);
    expect(after).toMatch(/^ more( more)*…$/);
  });
});
