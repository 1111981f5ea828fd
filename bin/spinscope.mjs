#!/usr/bin/env node
// Runs the bundled command line in dist/, which `npm ci` builds (scripts/build-cli.mjs): plain
// JavaScript starts at once, where compiling the TypeScript sources at every start would not.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/spinscope.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('spinscope: the command line is not built; run `npm run build:cli` in the package folder (npm ci does it).\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
