import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageScanner } from '@/utils/page-scanner';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Registered early so the background's "is anyone there?" ping after load gets an answer;
  // the scan itself waits for the load event and idle time.
  runAt: 'document_end',
  // WXT's legacy "content script started" window.postMessage costs main-thread time on every page and wakes the
  // page's own message listeners; the CustomEvent WXT also dispatches is what its newer scripts listen for.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageScanner(ctx);
  },
});
