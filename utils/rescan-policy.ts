/**
 * When the page scanner reads a changing article again: the policy as plain state over times the
 * caller passes in, so that it is tested without a page or a clock, and the scanner keeps only the
 * timer. Small changes (a clock, a ticker, an advert) add up until they are a share of the article;
 * a due rescan waits for the article to settle, but no longer than a maximum, so a page that never
 * settles is still followed; and rescans that only small changes (or text removed and put back)
 * called for keep a slow gap, so a page that mutates without changing its article costs little.
 */

/** Rescan delay after the last change to the article. */
export const MUTATION_DEBOUNCE_MS = 1500;
/** Longest a due rescan waits for an article that keeps changing. */
export const MUTATION_MAX_WAIT_MS = 4000;
/**
 * Least time between the end of one scan and a rescan that only small changes added up to, or one
 * after a large change when the last such rescan found the article unchanged.
 */
export const SLOW_RESCAN_GAP_MS = 10_000;
/** The article changed substantially once the changes since the last scan add up to this share of its length (at least MIN_CHANGE characters). */
export const CHANGE_SHARE = 0.2;
export const MIN_CHANGE = 400;

export class RescanPolicy {
  /** Characters changed since the last scan began. */
  private changedSinceScan = 0;
  /** When the changes since the last scan first added up to a rescan; undefined while none is due. */
  private dueSince: number | undefined;
  /** Whether one change on its own was large enough to call for the rescan. */
  private substantial = false;
  private lastChangeAt = 0;
  private lastScanEndedAt = 0;
  private lastSubstantialRescanFoundNoChange = false;

  /**
   * A batch of mutations changed `changed` characters at `now`, on an article `articleLength`
   * long when last scanned. True when the rescan became due or may now run earlier: the caller
   * sets its timer for `dueAt()` again.
   */
  noteChange(changed: number, articleLength: number, now: number): boolean {
    if (changed === 0) return false;
    this.lastChangeAt = now;
    this.changedSinceScan += changed;
    const threshold = Math.max(MIN_CHANGE, articleLength * CHANGE_SHARE);
    if (this.changedSinceScan < threshold) return false;
    const becameDue = this.dueSince === undefined;
    this.dueSince ??= now;
    const becameSubstantial = !this.substantial && changed >= threshold;
    if (becameSubstantial) this.substantial = true;
    return becameDue || becameSubstantial;
  }

  /** When the due rescan runs, or undefined when none is due. */
  dueAt(): number | undefined {
    if (this.dueSince === undefined) return undefined;
    const settled = Math.min(this.lastChangeAt + MUTATION_DEBOUNCE_MS, this.dueSince + MUTATION_MAX_WAIT_MS);
    const slow = !this.substantial || this.lastSubstantialRescanFoundNoChange;
    return slow ? Math.max(settled, this.lastScanEndedAt + SLOW_RESCAN_GAP_MS) : settled;
  }

  /**
   * A scan begins: changes from here on may be missing from it, so they count towards the next.
   * Returns whether a large change called for this scan (for `scanFound`).
   */
  scanBegins(): boolean {
    const followsSubstantialChange = this.substantial;
    this.forget();
    return followsSubstantialChange;
  }

  /** A scan finished reading the article at `now`. */
  scanEnded(now: number): void {
    this.lastScanEndedAt = now;
  }

  /** What a rescan after a large change found: when it was the text last sent, the next such rescan keeps the slow gap. */
  substantialRescanFound(unchanged: boolean): void {
    this.lastSubstantialRescanFoundNoChange = unchanged;
  }

  /** Nothing is due any more (the page is no longer watched, or a scan began). */
  forget(): void {
    this.changedSinceScan = 0;
    this.dueSince = undefined;
    this.substantial = false;
  }
}
