/**
 * The regex shapes that backtrack, found by reading a regex source: unbounded quantifiers, repeated
 * groups that contain a quantifier or an alternation, back-references. Used by
 * scripts/check-boilerplate.ts, whose patterns run on bounded lines and so never need them.
 */

interface Quantifier {
  min: number;
  max: number;
  length: number;
}

/** Reads a quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy), or undefined. */
function readQuantifier(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  let q: Quantifier | undefined;
  if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(src.slice(i, i + 16));
    if (m) q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity, length: m[0].length };
  }
  if (q && src[i + q.length] === '?') q.length++;
  return q;
}

/** Index just past the escape sequence starting at `i` (a backslash). */
function skipEscape(src: string, i: number): number {
  const c = src[i + 1];
  if ((c === 'p' || c === 'P' || c === 'u' || c === 'k') && (src[i + 2] === '{' || src[i + 2] === '<')) {
    const close = src.indexOf(src[i + 2] === '{' ? '}' : '>', i + 3);
    return close < 0 ? src.length : close + 1;
  }
  if (c === 'u') return i + 6;
  if (c === 'x') return i + 4;
  if (c === 'c') return i + 3;
  return i + 2;
}

/** The backtracking-prone shapes of a regex source, as messages. */
export function regexShapeProblems(src: string): string[] {
  const out: string[] = [];
  interface Frame {
    varies: boolean;
    alternates: boolean;
  }
  const stack: Frame[] = [{ varies: false, alternates: false }];
  let i = 0;
  const afterAtom = (group?: Frame) => {
    const q = readQuantifier(src, i);
    if (!q) return;
    const top = stack[stack.length - 1]!;
    if (q.max === Infinity) out.push(`unbounded quantifier at ${i} ("${src.slice(Math.max(0, i - 12), i + q.length)}"); bound it, as lines are bounded`);
    if (group && q.max > 1 && (group.varies || group.alternates)) {
      out.push(`repeated group containing a ${group.varies ? 'quantifier' : 'alternation'} before ${i} (nested repetition backtracks)`);
    }
    if (q.max !== q.min) top.varies = true;
    i += q.length;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      if (/[1-9]/.test(src[i + 1] ?? '') || (src[i + 1] === 'k' && src[i + 2] === '<')) out.push(`back-reference at ${i}`);
      i = skipEscape(src, i);
      afterAtom();
    } else if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i = src[i] === '\\' ? skipEscape(src, i) : i + 1;
      i++;
      afterAtom();
    } else if (c === '(') {
      stack.push({ varies: false, alternates: false });
      i++;
      if (src[i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]{0,40}>)/.exec(src.slice(i, i + 48));
        i += m ? m[0].length : 1;
      }
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { varies: false, alternates: false };
      i++;
      const parent = stack[stack.length - 1]!;
      parent.varies ||= group.varies;
      parent.alternates ||= group.alternates;
      afterAtom(group);
    } else if (c === '|') {
      stack[stack.length - 1]!.alternates = true;
      i++;
    } else if (c === '^' || c === '$') {
      i++;
    } else {
      i++;
      afterAtom();
    }
  }
  return out;
}
