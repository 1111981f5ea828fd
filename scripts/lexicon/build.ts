/**
 * Builds lib/data/lexicon.json from its sources and reports how it does, in one run (`npm run lexicon`):
 * reads the inputs (./inputs.ts), builds (./assemble.ts, a pure function of them), writes the file,
 * checks that it compiles to every entry, and evaluates it (./evaluate.ts, through
 * scripts/evaluation; text, or `--json`). docs/lexicon.md describes the sources and the pipeline.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type LexiconData } from '../../lib/lexicon';
import { printReport, reportOptions } from '../evaluation';
import { buildLexicon, lexiconFile } from './assemble';
import { readLexiconInputs } from './inputs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lib', 'data', 'lexicon.json');

const USAGE = `npm run lexicon [-- --json]

Builds lib/data/lexicon.json from PPS's tortured phrases, generated spins of clean English's fixed
expressions and scripts/lexicon/curated.json, vetoed and weighed by every clean reference corpus
(corpora/clean.ts; Debian's manuals only where their packages are installed), then reports its hits in
clean text, on unseen clean text and on the dev corpus. --json prints the report as one JSON object.`;
const options = reportOptions('lexicon', USAGE);

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
let t0 = performance.now();
process.stderr.write('Reading inputs… ');
const inputs = readLexiconInputs();
process.stderr.write(`${seconds(t0)}\nBuilding… `);
t0 = performance.now();
const build = buildLexicon(inputs);
writeFileSync(OUT, lexiconFile(build.entries));
const written = compileLexicon(JSON.parse(readFileSync(OUT, 'utf8')) as LexiconData);
if (written.size !== build.entries.length) throw new Error(`The written lexicon has ${written.size} entries, expected ${build.entries.length}`);
process.stderr.write(`${seconds(t0)}; wrote ${OUT}\nEvaluating… `);
t0 = performance.now();

// Imported only now: the engine reads the lexicon file when it is loaded.
const { evaluateLexicon } = await import('./evaluate');
const { summary, text } = evaluateLexicon(build, inputs, statSync(OUT).size);
process.stderr.write(`${seconds(t0)}\n`);
printReport(options, summary, text);
