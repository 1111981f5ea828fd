/**
 * Whether a page shows program code: technical pages (manuals, release notes, machine-learning
 * blogs) write identifiers such as `train_test_split`, `model.fit(` and `get_ordering()`, and
 * with them `PascalCase` names that glue their parts the way a flattened table glues cells,
 * and template syntax (`{{ name }}`, `[...]`) that reads like an autoblog's unfilled placeholder.
 * Signals that would mistake code for those use this to leave such evidence out on code pages.
 */

/** A snake_case identifier, a method call on an object, or an empty call. */
const CODE_TOKEN = /\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b|\b\w+\.\w+\(|\w\(\)/g;
/** Code tokens that make a page a code page: news pages show none, and rarely a stray theme leftover or two. */
export const MIN_CODE_TOKENS = 3;

/** True when the text holds at least MIN_CODE_TOKENS code tokens; stops counting there. */
export function showsCode(text: string): boolean {
  CODE_TOKEN.lastIndex = 0;
  let n = 0;
  while (CODE_TOKEN.exec(text) !== null) if (++n >= MIN_CODE_TOKENS) return true;
  return false;
}
