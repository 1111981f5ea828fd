import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Delivers a runtime message as if sent from `tabId`'s content script (or an extension page), and resolves with the answer. */
export function deliver(message: unknown, tabId?: number): Promise<unknown> {
  return new Promise((resolve) => {
    const sender = (tabId === undefined ? {} : { tab: { id: tabId } }) as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
  });
}

/** `#rrggbb` as the [r, g, b, a] array the badge API reports. */
export function rgba(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** `n` distinct host names of a realistic shape, for sites lists of the size users keep. */
export function hosts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `news-site-${i}.example-${i % 97}.com`);
}
