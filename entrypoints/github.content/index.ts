import { defineContentScript } from '#imports';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  main() {
    document.documentElement.dataset.sendToOpenhands = 'loaded';
  },
});
