import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'wxt';

/**
 * Builds an extension whose only code is an empty `defineContentScript` on github.com, with the same WXT
 * modules as ours (the webextension-polyfill aliases `wxt/browser`): the fixed cost of WXT's content-script
 * runtime and of the polyfill. Returns the Chromium build's folder (`.output-*` is ignored by git).
 */
export async function buildEmptyContentScript(): Promise<string> {
  const outDir = path.resolve('.output-bench-empty');
  await build({
    root: path.resolve('scripts/bench/empty-extension'),
    configFile: false,
    outDir,
    modules: ['@wxt-dev/webextension-polyfill'],
    imports: false,
    manifestVersion: 3,
    manifest: { name: 'Empty content script', host_permissions: ['https://github.com/*'] },
  });
  return path.join(outDir, 'chrome-mv3');
}

/**
 * What any script on every GitHub page must do in this design, hand-written and nothing else: read the path
 * and listen for GitHub's navigation events (on `window`, as they pass down to `document`). The keyboard
 * command reaches the resident through `scripting.executeScript`, so neither `document` nor `chrome.runtime`
 * is touched on a page that is not an issue or PR: the browser's own cost of a content script at all.
 */
const FLOOR_SCRIPT = `(() => {
  const check = () => /^\\/[^/]+\\/[^/]+\\/(issues|pull)\\/\\d+/.test(location.pathname);
  for (const type of ['turbo:render', 'turbo:load', 'soft-nav:react-done', 'soft-nav:payload', 'soft-nav:end'])
    addEventListener(type, check, true);
  addEventListener('popstate', check);
  addEventListener('pageshow', check);
  check();
})();
`;

/** Writes the floor extension (see FLOOR_SCRIPT) and returns its folder. */
export function writeFloorExtension(): string {
  const dir = path.resolve('.output-bench-floor');
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Floor content script',
    version: '1.0',
    host_permissions: ['https://github.com/*'],
    content_scripts: [{ matches: ['https://github.com/*'], js: ['floor.js'], run_at: 'document_end' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'floor.js'), FLOOR_SCRIPT);
  return dir;
}

/**
 * The floor plus what an issue or PR page needs at the least: ONE button in the page header, in a shadow root
 * with its own `<style>`, mounted once, and nothing else (no runtime, no words, no watching for a late
 * header). The header is looked for as lib/forges/github/anchor.ts does, trimmed: the first match, not in the
 * sticky copy nor hidden, of the landmarks in lib/forges/github/selectors.ts, best first.
 */
const BUTTON_FLOOR_SCRIPT = `(() => {
  const STICKY = 'div[class*="stickyHeader"], [class*="StickyPullRequestHeader"], [data-testid="issue-metadata-sticky"], .gh-header-sticky';
  const HIDDEN = '[hidden], .d-none:not([class*="d-sm-"]):not([class*="d-md-"]):not([class*="d-lg-"]):not([class*="d-xl-"])';
  const ANCHORS = [
    ['button[class*="PullRequestCodeButton"]', 'parent'],
    ['[data-component="PH_Actions"] [class*="HeaderMenu-module__menuActionsContainer"]', 'prepend'],
    ['[data-component="PH_Actions"]', 'prepend'],
    ['[class*="PullRequestHeader-module__titleWithAction"]', 'append'],
    ['.gh-header-actions', 'prepend'],
    ['h1[data-component="PH_Title"], main h1', 'after'],
    ['main, body', 'prepend'],
  ];
  const usable = (element) => !element.closest(STICKY) && !element.closest(HIDDEN);
  const find = (selector) => {
    const match = document.querySelector(selector);
    if (!match || usable(match)) return match;
    for (const element of document.querySelectorAll(selector)) if (usable(element)) return element;
    return null;
  };
  let host;
  const mount = () => {
    if (host?.isConnected) return;
    for (const [selector, position] of ANCHORS) {
      const element = find(selector);
      if (!element) continue;
      host = document.createElement('span');
      host.setAttribute('data-button-floor', '');
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:inline-flex}button{height:28px;padding:0 12px;border:1px solid #d1d9e0;border-radius:6px;background:#f6f8fa;color:#1f2328;font:inherit;cursor:pointer}';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Send to OpenHands';
      root.append(style, button);
      if (position === 'parent') element.parentElement.prepend(host);
      else if (position === 'after') element.after(host);
      else element[position](host);
      return;
    }
  };
  const check = () => {
    if (/^\\/[^/]+\\/[^/]+\\/(issues|pull)\\/\\d+/.test(location.pathname)) mount();
  };
  for (const type of ['turbo:render', 'turbo:load', 'soft-nav:react-done', 'soft-nav:payload', 'soft-nav:end'])
    addEventListener(type, check, true);
  addEventListener('popstate', check);
  addEventListener('pageshow', check);
  check();
})();
`;

/** Writes the button floor extension (see BUTTON_FLOOR_SCRIPT) and returns its folder. */
export function writeButtonFloorExtension(): string {
  const dir = path.resolve('.output-bench-button-floor');
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Button floor content script',
    version: '1.0',
    host_permissions: ['https://github.com/*'],
    content_scripts: [{ matches: ['https://github.com/*'], js: ['button-floor.js'], run_at: 'document_end' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'button-floor.js'), BUTTON_FLOOR_SCRIPT);
  return dir;
}

/**
 * The least an extension page can do to show a conversation row: static HTML, a little CSS and a module script
 * that builds one `li` shaped like the popup's ConversationRow (title link and time, status, repository and
 * branch), with no framework, no storage and no message. The empty service worker is there so the bench can
 * read the extension's id from it.
 */
const POPUP_REFERENCE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Popup reference</title>
    <style>
      body { width: 380px; margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #1f2328; }
      ul { list-style: none; margin: 0; padding: 0; }
      .row { padding: 8px 12px; border-bottom: 1px solid #d1d9e0; }
      .row-head { display: flex; gap: 8px; justify-content: space-between; }
      .row-link { color: #0969da; font-weight: 600; text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .row-meta { display: flex; gap: 8px; color: #59636e; font-size: 12px; }
      .badge { padding: 0 6px; border-radius: 9px; background: #dafbe1; color: #1a7f37; }
    </style>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/reference.js"></script>
  </body>
</html>
`;

const POPUP_REFERENCE_SCRIPT = `const el = (tag, className, text) => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
};
const list = el('ul');
const row = el('li', 'row');
const head = el('div', 'row-head');
const link = el('a', 'row-link', 'Fix crash on startup');
link.href = 'https://app.all-hands.dev/conversations/0001';
link.target = '_blank';
const time = el('time', '', '5 min ago');
time.dateTime = '2026-03-04T10:00:00Z';
head.append(link, time);
const meta = el('div', 'row-meta');
meta.append(el('span', 'badge', 'Running'), el('span', 'row-repo', 'octo-org/hello-world'), el('span', 'row-branch', 'main'));
row.append(head, meta);
list.append(row);
document.getElementById('root').append(list);
`;

/** Writes the popup reference extension (reference.html, see POPUP_REFERENCE_HTML) and returns its folder. */
export function writePopupReferenceExtension(): string {
  const dir = path.resolve('.output-bench-popup-reference');
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Popup reference',
    version: '1.0',
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'worker.js'), '');
  writeFileSync(path.join(dir, 'reference.html'), POPUP_REFERENCE_HTML);
  writeFileSync(path.join(dir, 'reference.js'), POPUP_REFERENCE_SCRIPT);
  return dir;
}
