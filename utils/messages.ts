import { browser } from 'wxt/browser';
import type { OriginClaim } from '@/lib/origin';
import type { ScanDecision, ScanReason } from '@/lib/settings';
import type { SignalId } from '@/lib/signals';
import type { TabState } from './tab-store';

/**
 * The one message protocol between content script, background and popup. Every message is a
 * plain object with a `type`; `Protocol` maps each type to its request and response, so both ends
 * are typed from one place. Listeners answer through `sendResponse` (and return true), which works
 * the same in Chrome, Firefox (through the polyfill) and WXT's fake browser.
 */

/** A range of the scanned text to highlight, with the words shown in its tooltip. */
export interface HighlightRange {
  start: number;
  end: number;
  /** The text the range must still hold (checked before highlighting, so a changed page is not mis-marked). */
  actual: string;
  signal: SignalId;
  /** The signal's highlight colour (from its face), so the content script needs no copy of the registry. */
  colour: string;
  tooltip: string;
}

export interface Protocol {
  /**
   * Content script → background: the article text of the page, to analyse, in consecutive parts
   * (`done` on the last): one message of megabytes would block the page while it is serialised.
   * The last part carries what the page's markup says about the article's origin.
   */
  'spinscope:page-text': { request: { url: string; scanId: string; text: string; done: boolean; claims?: OriginClaim[] }; response: { ok: boolean } };
  /**
   * Content script → background: may this page be scanned now? The background decides with the
   * settings (so content scripts never read storage) and records a page it keeps unread.
   */
  'spinscope:may-scan': { request: { url: string; reason: ScanReason; scannedBefore: boolean }; response: ScanDecision };
  /** Content script → background: the page is not a document the extension can read (an image, plain text, XML). */
  'spinscope:page-unreadable': { request: { url: string }; response: { ok: boolean } };
  /** Popup → background: everything stored for a tab, or null when nothing is. */
  'spinscope:get-tab-state': { request: { tabId: number }; response: TabState | null };
  /**
   * Popup → background: ask the tab to scan now (`anyway`: once, on a site skipped or trusted).
   * `ok` is false when the page cannot be reached.
   */
  'spinscope:scan-tab': { request: { tabId: number; anyway?: boolean }; response: { ok: boolean } };
  /**
   * Popup → background: add the tab's site to a list of the settings (trust it, skip it) or take it
   * off. `error` says why the settings could not be saved (a storage quota), for the popup to show.
   */
  'spinscope:site-list': { request: { tabId: number; list: 'trustedSites' | 'excludedSites'; add: boolean }; response: { ok: boolean; error?: string } };
  /** Popup → background: keep the tab's verdict as reported wrong, for the user to export. */
  'spinscope:report-wrong': { request: { tabId: number }; response: { ok: boolean; count: number } };
  /** Background or popup → content script: extract and report the article text again. */
  'spinscope:scan': { request: { reason?: ScanReason }; response: { ok: boolean } };
  /** Popup → content script: highlight these ranges of the last scanned text. */
  'spinscope:highlight': { request: { ranges: HighlightRange[] }; response: { count: number } };
  /** Popup → content script: remove the highlights. */
  'spinscope:clear-highlights': { request: object; response: { count: number } };
  /** Background or popup → content script: is it there, and how many ranges are highlighted. */
  'spinscope:ping': { request: object; response: { highlights: number } };
  /** Background → extension pages: a tab's state changed. */
  'spinscope:tab-updated': { request: { tabId: number; state: TabState | null }; response: void };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = T extends MessageType ? { type: T } & Protocol[T]['request'] : never;
export type Response<T extends MessageType> = Protocol[T]['response'];

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.startsWith('spinscope:');
}

/** True when `value` is a message of this type. */
export function isMessageOf<T extends MessageType>(value: unknown, type: T): value is Message<T> {
  return isMessage(value) && value.type === type;
}

/** Sends to the background (or the extension's pages). Rejects when nobody listens. */
export function sendMessage<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}

/** Sends to a tab's content script. Rejects when the tab has none (a page the extension cannot read). */
export function sendToTab<T extends MessageType>(tabId: number, message: Message<T>): Promise<Response<T>> {
  return browser.tabs.sendMessage(tabId, message) as Promise<Response<T>>;
}
