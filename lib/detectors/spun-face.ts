import { countOf, groupFindings, pageTextPart, type SignalFace } from './face';

/** The face of the spun-synonyms signal (detector: ./spun.ts). */
export const spunFace: SignalFace<'spun'> = {
  id: 'spun',
  title: 'Spun synonyms',
  description: 'Words and phrases an article spinner put in place of the original wording, such as “imaginative and prescient” for “vision”, each with the wording it probably replaced.',
  colour: 'rgba(249, 168, 37, 0.45)',
  rowNoun: ['phrase', 'phrases'],
  // A known phrase's suggested wording already says what its message says; a word out of place keeps
  // its message, which says why it is telling (what fits the place instead, and how much better).
  evidence: (signal) => groupFindings(signal.findings).map(({ detail, ...row }) => (row.rule.startsWith('spun/context') ? { ...row, detail } : row)),
  reason: (rows) => {
    const example = rows.find((r) => r.expected?.length) ?? rows[0]!;
    const replaced = example.expected?.length ? [' → ', pageTextPart(example.expected[0]!)] : [];
    return [`${countOf(spunFace, rows.length).replace(' ', ' spun ')}, e.g. `, pageTextPart(example.text), ...replaced];
  },
};
