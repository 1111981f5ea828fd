/**
 * What scripts/check-boilerplate.ts imports from here, until it counts through scripts/evaluation:
 * the corpus loaders live in corpora/, the dev split in scripts/evaluation/split.ts.
 */
export { cleanReferences, devCorpus, type DevPage } from '../corpora';
export { devSplit } from './evaluation/split';
