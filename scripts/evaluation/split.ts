/**
 * The one split of the labelled dev corpus that every evaluation and every build uses. Builds and
 * tuning steps may only look at `tune` pages; reports give both parts, so that over-fitting shows
 * as a gap between them.
 */
import type { DevPage } from '../../corpora';
import { fnv1a } from '../../lib/fnv1a';

export type Part = 'tune' | 'holdout';

/**
 * Stratified by label: within each label, pages are ordered by a hash of their id and every third is
 * held out. Pass the whole dev corpus: the split of a subset is not the subset of the split.
 */
export function devSplit<P extends DevPage>(pages: readonly P[]): { tune: P[]; holdout: P[] } {
  const tune: P[] = [];
  const holdout: P[] = [];
  const byLabel = new Map<string, P[]>();
  for (const p of pages) {
    const list = byLabel.get(p.label) ?? [];
    list.push(p);
    byLabel.set(p.label, list);
  }
  for (const list of byLabel.values()) {
    list
      .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || a.id.localeCompare(b.id))
      .forEach((p, i) => (i % 3 === 2 ? holdout : tune).push(p));
  }
  return { tune, holdout };
}

/** Each page's part, by id. */
export function partsOf(pages: readonly DevPage[]): Map<string, Part> {
  const { tune, holdout } = devSplit(pages);
  return new Map<string, Part>([...tune.map((p) => [p.id, 'tune'] as const), ...holdout.map((p) => [p.id, 'holdout'] as const)]);
}

/**
 * Which half of the clean reference documents a generalisation estimate treats as unseen: a build
 * that vetoes on half A only and counts its hits on half B measures what the veto does on text it
 * has not read.
 */
export const inHalfB = (documentId: string): boolean => fnv1a(documentId) % 2 === 1;
