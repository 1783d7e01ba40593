import type { browser } from 'wxt/browser';

// Code passed to serviceWorker.evaluate() runs in the extension, where `chrome` exists.
declare global {
  const chrome: typeof browser;
}
