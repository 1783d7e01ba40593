import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'github-tab' | 'untrusted';

/** The parts of `runtime.MessageSender` the checks read. */
export type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin' | 'tab' | 'frameId'>;

/** This extension: its id and the base URL of its pages (`runtime.getURL('/')`). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/** Origins whose pages our content script runs on. */
const GITHUB_ORIGINS = new Set(['https://github.com']);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Who sent a message. Only our own extension counts; extension pages (popup, options, compose) are
 * recognised by their URL, which a content script can never have; content scripts only from GitHub tabs.
 */
export function classifySender(sender: Sender, self: ExtensionIdentity): SenderKind {
  if (sender.id !== self.id) return 'untrusted';
  // Compared as prefixes: URL parsers disagree on the origin of extension schemes.
  const ownPage = sender.url?.startsWith(self.baseUrl) ?? false;
  if (ownPage && (sender.origin === undefined || `${sender.origin}/` === self.baseUrl))
    return 'extension-page';
  const urlOrigin = originOf(sender.url);
  if (sender.tab && urlOrigin && GITHUB_ORIGINS.has(urlOrigin)) return 'github-tab';
  return 'untrusted';
}
