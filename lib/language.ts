import { franc } from 'franc-min';

/**
 * franc reads character trigrams; its cost grows with the text, and a few thousand characters
 * decide the language as well as megabytes do. Samples are taken from the start, middle and end
 * so a page with an English menu and a French article is judged by the article.
 */
const SAMPLE = 2000;
/** Below this many letters franc's answer is noise; we say `und` (undetermined). */
const MIN_LETTERS = 40;

export function detectLanguage(text: string): string {
  let sample: string;
  if (text.length <= SAMPLE * 3) sample = text;
  else {
    const mid = Math.floor(text.length / 2 - SAMPLE / 2);
    sample = text.slice(0, SAMPLE) + '\n' + text.slice(mid, mid + SAMPLE) + '\n' + text.slice(-SAMPLE);
  }
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  return franc(sample, { minLength: MIN_LETTERS });
}

/** English, or too short to tell: English-lexicon signals still run on `und` (most short snippets we see are English). */
export function isEnglishOrUnknown(code: string): boolean {
  return code === 'eng' || code === 'sco' || code === 'und';
}
