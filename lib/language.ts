import { franc } from 'franc-min';

/**
 * franc reads character trigrams; its cost grows with the text, and a few thousand characters
 * decide the language as well as megabytes do. Samples are taken from the start, middle and end
 * so a page with an English menu and a French article is judged by the article.
 */
const SAMPLE = 2000;
/** Below this many letters franc's answer is noise; we say `und` (undetermined). */
const MIN_LETTERS = 40;

/**
 * English's commonest function words, none of them a common word of another Latin-script language
 * (no "a", "i", "de" or "en"). A quarter of a sample's words among them is English beyond doubt:
 * English prose has a third to a half; French, German, Dutch, Spanish and Italian a few percent.
 * The check costs a tenth of franc's comparison with every language, and most pages are English.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in is that for it with as was on be by this are at from or an have not but which they has their were will been would its can more also than there after about he she his her we you our'.split(' '),
);
const ENGLISH_SHARE = 0.25;
/** Fewer words than this are too few for the share to mean anything: franc decides. */
const MIN_WORDS_FOR_SHARE = 30;

function clearlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_FOR_SHARE) return false;
  let common = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) common++;
  return common >= words.length * ENGLISH_SHARE;
}

export function detectLanguage(text: string): string {
  let sample: string;
  if (text.length <= SAMPLE * 3) sample = text;
  else {
    const mid = Math.floor(text.length / 2 - SAMPLE / 2);
    sample = text.slice(0, SAMPLE) + '\n' + text.slice(mid, mid + SAMPLE) + '\n' + text.slice(-SAMPLE);
  }
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  if (clearlyEnglish(sample)) return 'eng';
  return franc(sample, { minLength: MIN_LETTERS });
}

/** English, or too short to tell: English-lexicon signals still run on `und` (most short snippets we see are English). */
export function isEnglishOrUnknown(code: string): boolean {
  return code === 'eng' || code === 'sco' || code === 'und';
}
