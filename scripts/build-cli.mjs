// Bundles the command line (cli/main.ts and its worker) into dist/ with esbuild, so `spinscope`
// runs plain JavaScript instead of compiling TypeScript at every start. `npm ci` runs it
// (postinstall); run `npm run build:cli` after changing cli/ or lib/.
//
// The bundle sits one folder below the package root, as cli/ does, so the paths the sources
// resolve from import.meta.url (package.json, lib/data/spun-model.bin) hold in both.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = join(root, 'dist');

/**
 * The engine's data files (the lexicon, the boilerplate patterns) as JSON.parse of a string: V8
 * reads a JSON string much faster than the same data written as object literals, which is what
 * esbuild's own JSON loader emits, and this is most of what the command line loads at start.
 */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

export async function buildCli() {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { spinscope: 'cli/main.ts', 'jsonl-worker': 'cli/jsonl-worker.ts' },
    outdir: CLI_OUT_DIR,
    bundle: true,
    // Split chunks keep the engine and its data out of what --help and --version load.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // linkedom and its dependencies are CommonJS in part; a require shim lets them run in ESM.
    banner: { js: "import { createRequire as __spinscopeCreateRequire } from 'node:module'; const require = __spinscopeCreateRequire(import.meta.url);" },
    outExtension: { '.js': '.mjs' },
    // Chunks beside the entry points, in the same folder, for the same reason.
    chunkNames: '[name]-[hash]',
    plugins: [jsonAsParsedString],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
