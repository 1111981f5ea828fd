import { describe, expect, it } from 'vitest';
import { MIN_CHANGE, MUTATION_DEBOUNCE_MS, MUTATION_MAX_WAIT_MS, RescanPolicy, SLOW_RESCAN_GAP_MS } from '../../../utils/rescan-policy';

const ARTICLE = 10_000;

describe('when a changing article is read again', () => {
  it('adds small changes up until they are a share of the article, and then rescans no sooner than the slow gap after the last scan', () => {
    const policy = new RescanPolicy();
    policy.scanBegins();
    policy.scanEnded(0);
    let armed = false;
    // A live blog: 180 characters every 2 s.
    for (let t = 2000; t <= 24_000; t += 2000) armed = policy.noteChange(180, ARTICLE, t) || armed;
    expect(armed).toBe(true);
    // 2,000 characters (a fifth of the article) were reached at 22 s; the article settled 1.5 s after the last change.
    expect(policy.dueAt()).toBe(24_000 + MUTATION_DEBOUNCE_MS);
  });

  it('never calls a rescan for changes that stay under the threshold', () => {
    const policy = new RescanPolicy();
    policy.scanBegins();
    expect(policy.noteChange(MIN_CHANGE - 1, 100, 1000)).toBe(false);
    expect(policy.dueAt()).toBeUndefined();
  });

  it('follows an article that is replaced and keeps changing within the maximum wait, not after it settles', () => {
    const policy = new RescanPolicy();
    policy.scanBegins();
    policy.scanEnded(0);
    expect(policy.noteChange(ARTICLE, ARTICLE, 20_000)).toBe(true);
    // It keeps re-rendering every 50 ms: the debounce alone would never fire.
    for (let t = 20_050; t < 30_000; t += 50) policy.noteChange(ARTICLE, ARTICLE, t);
    expect(policy.dueAt()).toBe(20_000 + MUTATION_MAX_WAIT_MS);
  });

  it('keeps the slow gap after a large change whose rescan found the text it had sent (text removed and put back)', () => {
    const policy = new RescanPolicy();
    policy.noteChange(ARTICLE, ARTICLE, 1000);
    expect(policy.scanBegins()).toBe(true);
    policy.scanEnded(1100);
    policy.substantialRescanFound(true);
    policy.noteChange(ARTICLE, ARTICLE, 2000);
    expect(policy.dueAt()).toBe(1100 + SLOW_RESCAN_GAP_MS);
    // Once a rescan finds new text, large changes are followed quickly again.
    policy.scanBegins();
    policy.scanEnded(12_000);
    policy.substantialRescanFound(false);
    policy.noteChange(ARTICLE, ARTICLE, 13_000);
    expect(policy.dueAt()).toBe(13_000 + MUTATION_DEBOUNCE_MS);
  });

  it('forgets what was due when a scan begins or the page is no longer watched', () => {
    const policy = new RescanPolicy();
    policy.noteChange(ARTICLE, ARTICLE, 1000);
    policy.forget();
    expect(policy.dueAt()).toBeUndefined();
    policy.noteChange(ARTICLE, ARTICLE, 2000);
    policy.scanBegins();
    expect(policy.dueAt()).toBeUndefined();
  });
});
