import { defineContentScript } from '#imports';

// `npm run bench` builds this alone (scripts/bench/empty-extension.ts): the fixed cost of any WXT content script,
// its runtime and the webextension-polyfill, before a line of its own.
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  main() {},
});
