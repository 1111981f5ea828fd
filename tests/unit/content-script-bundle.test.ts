import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The modules the content script's bundle holds, as esbuild bundles entrypoints/content.ts (WXT's build does the same). */
async function contentScriptModules(): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['entrypoints/content.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    alias: { '@': '.' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the content script, which every page runs', () => {
  it('carries none of the engine and none of its data: no detector, no model or lexicon, no franc, no Public Suffix List', async () => {
    const modules = await contentScriptModules();
    expect(modules).toContain('utils/page-scanner.ts');
    const heavy = modules.filter((m) => /^lib\/(detectors|spun|data)\/|^lib\/(index|language|lexicon|registrable-domain)\.ts$|node_modules\/(franc|franc-min|tldts|tldts-core|linkedom)\//.test(m));
    expect(heavy).toEqual([]);
  });
});
