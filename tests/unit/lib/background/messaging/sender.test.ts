import { describe, expect, it } from 'vitest';
import { classifySender, type Sender } from '@/lib/background/messaging/sender';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const githubTab = { id: 1, index: 0 } as Sender['tab'];

describe('classifySender', () => {
  it.each<[string, Sender, string]>([
    [
      'the popup',
      { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', origin: 'chrome-extension://ext-id' },
      'extension-page',
    ],
    [
      'the options page opened in a tab',
      { id: 'ext-id', url: 'chrome-extension://ext-id/options.html', tab: githubTab },
      'extension-page',
    ],
    [
      'a GitHub tab',
      { id: 'ext-id', url: 'https://github.com/o/r/issues/1', tab: githubTab, frameId: 0 },
      'github-tab',
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, 'untrusted'],
    [
      'our id from a non-GitHub tab',
      { id: 'ext-id', url: 'https://evil.example/github.com', tab: githubTab },
      'untrusted',
    ],
    [
      'a look-alike GitHub host',
      { id: 'ext-id', url: 'https://github.com.evil.example/o/r', tab: githubTab },
      'untrusted',
    ],
    ['a GitHub URL without a tab', { id: 'ext-id', url: 'https://github.com/o/r' }, 'untrusted'],
    [
      'an extension URL with a foreign origin',
      { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', origin: 'https://github.com' },
      'untrusted',
    ],
    ['no URL at all', { id: 'ext-id' }, 'untrusted'],
  ])('should classify %s', (_name, sender, expected) => {
    expect(classifySender(sender, self)).toBe(expected);
  });
});
