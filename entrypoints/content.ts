import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageScanner } from '@/utils/page-scanner';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Registered early so the background's "is anyone there?" ping after load gets an answer;
  // the scan itself waits for the load event and idle time.
  runAt: 'document_end',
  main(ctx) {
    startPageScanner(ctx);
  },
});
