/**
 * The evaluation module: one split of the dev corpus (./split.ts), one way of counting (./count.ts)
 * and one report format, text or `--json` (./report.ts). `npm run eval`, the lexicon build, the spun
 * calibration and the data checks count and report through it, so every figure in the docs comes
 * from one of their commands.
 */
export * from './count';
export * from './report';
export * from './split';
