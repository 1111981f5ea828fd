/**
 * The filter every reference extractor ends with: it turns paragraphs that still hold code,
 * addresses, licence text or navigation crumbs into lines of ordinary prose sentences, so that a
 * false-positive rate measured on them is a rate on prose and not on whatever the page also held.
 */

/**
 * Stands where an extractor removed inline code. A sentence that loses a code span no longer
 * reads as a sentence ("Call  to start"), so the sentence containing the mark is dropped whole.
 */
export const CODE_MARK = '\uE000';

/** A paragraph with fewer words than this (a heading, a caption, a menu item) is not kept. */
const MIN_LINE_WORDS = 8;

/** Sentence boundaries: end punctuation, optional closing quote or bracket, then a capital or digit. */
const SENTENCE_BREAK = /(?<=[.!?]["'”’)\]]?)\s+(?=["'“‘(\[]?[A-Z0-9])/;

/**
 * Traces of code or machine text inside a sentence: brackets and operators that prose does not
 * use, calls, snake_case and camelCase identifiers, addresses, prompts and placeholders.
 */
const CODE_LIKE = new RegExp(
  [
    CODE_MARK,
    '[{}<>\\\\|`^~]',
    '=>|->|==|!=|&&|::|\\+\\+|\\+=|:=',
    '\\w\\(|\\(\\)',
    '\\b[a-z0-9]+_[a-z0-9_]+\\b',
    '\\b[a-z]+[A-Z][A-Za-z]*\\b',
    '\\b\\w+\\.\\w+\\.\\w+\\b',
    'https?:|ftp:|www\\.|\\S+@\\S+\\.\\w',
    '(^|\\s)[$#%]\\s',
    '(^|\\s)--?[a-z]',
    '\\.(?:html?|py|json|ya?ml|md|txt|conf|cfg|sh|rs|toml|tgz|gz|zip)\\b',
    '(^|\\s)/\\w',
    '\\s[=*+/]\\s',
    '\\[|\\]',
    ';\\s*$',
  ].join('|'),
);

/** Licence, copyright and warranty text: boilerplate, not the author's prose. */
const BOILERPLATE =
  /copyright|\(c\)\s*\d|©|all rights reserved|permission is hereby granted|warrant(?:y|ies)|licen[cs]ed under|under the terms of|free software foundation|general public licen[cs]e|free documentation licen[cs]e|creative commons|redistribution and use|this (?:program|library|document|file) is free/i;

/** A sentence ends with sentence punctuation, possibly followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?]["'”’)]?$/;

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Collapses runs of spaces and tabs inside a paragraph and trims it. */
export function tidySpaces(paragraph: string): string {
  return paragraph.replace(/\s+/g, ' ').trim();
}

/**
 * Keeps the prose of one paragraph: its sentences without code or machine text, or '' when the
 * paragraph is boilerplate or too little prose survives.
 */
export function proseOf(paragraph: string): string {
  const tidy = tidySpaces(paragraph);
  if (BOILERPLATE.test(tidy)) return '';
  const kept = tidy
    .split(SENTENCE_BREAK)
    .filter((s) => SENTENCE_END.test(s) && /^["'“‘(]?[A-Z0-9]/.test(s) && !CODE_LIKE.test(s))
    .join(' ');
  return countWords(kept) >= MIN_LINE_WORDS ? kept : '';
}

/** The prose paragraphs of a list of paragraphs, one a line. */
export function proseLines(paragraphs: Iterable<string>): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    const prose = proseOf(p);
    if (prose) lines.push(prose);
  }
  return lines.join('\n');
}
