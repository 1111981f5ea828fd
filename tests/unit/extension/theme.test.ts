/**
 * The shared theme (assets/theme.css): text readable at WCAG AA in light and dark mode, verdict
 * colours the same as the badge's, and both extension pages drawing with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../../utils/badge';

const read = (path: string) => readFileSync(join(import.meta.dirname, '../../..', path), 'utf8');
const theme = read('assets/theme.css');

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** The colour tokens of a CSS block, by name. */
const tokens = (block: string) => Object.fromEntries(Array.from(block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi), (m) => [m[1]!, m[2]!]));

const light = tokens(theme.slice(0, theme.indexOf('@media')));
const dark = { ...light, ...tokens(theme.slice(theme.indexOf('@media (prefers-color-scheme: dark)'))) };
const VERDICTS = ['clean', 'suspicious', 'syndicated', 'neutral'] as const;

describe('the theme', () => {
  for (const [scheme, colours] of [['light', light], ['dark', dark]] as const) {
    it(`keeps every text colour at 4.5:1 or more on what it is drawn on, in ${scheme} mode`, () => {
      for (const name of ['text', 'muted', 'error', 'link']) {
        expect(contrast(colours[name]!, colours.background!), `--${name} on --background`).toBeGreaterThanOrEqual(4.5);
      }
      for (const verdict of VERDICTS) {
        expect(contrast(colours[`on-verdict-${verdict}`]!, colours[`verdict-${verdict}`]!), `text on the ${verdict} header`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('gives the verdicts the badge’s colours', () => {
    for (const verdict of VERDICTS) expect(light[`verdict-${verdict}`]).toBe(BADGE_COLOURS[verdict === 'neutral' ? 'neutral' : verdict]);
  });

  for (const page of ['popup', 'options']) {
    it(`is what the ${page} page draws with: no colour of its own, no system grey, no capitalised words`, () => {
      const css = read(`entrypoints/${page}/style.css`);
      expect(css.startsWith("@import '../../assets/theme.css';")).toBe(true);
      expect(css).not.toMatch(/GrayText|text-transform:\s*capitalize/);
      expect(css.replace(/#[\w-]+\s*\{/g, '')).not.toMatch(/#[0-9a-f]{3,8}\b/i);
    });
  }
});
