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
