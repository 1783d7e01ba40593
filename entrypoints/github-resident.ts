import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ResidentRuntime } from '@/lib/content/resident';
import { startResident } from '@/lib/content/resident';
import { type ResidentI18n, residentWords } from '@/lib/content/resident/words';
import { githubResident } from '@/lib/forges/github/resident';

/** The browser's own extension namespace: promise-based in MV3 (Chromium's `chrome`, Firefox's `browser`). */
type Namespace = { runtime: ResidentRuntime; i18n: ResidentI18n };

// Runs on every GitHub page (listed by hand in wxt.config.ts `manifest.content_scripts`), so it is an
// unlisted script without WXT's content-script runtime or the webextension-polyfill: empty, one is 0.3 KB
// gzip against 4 KB for an empty WXT content script. Everything else loads on demand (entrypoints/github-ui.ts).
// The runtime is looked up only when needed: creating its bindings is most of what such a script costs.
export default defineUnlistedScript(() => {
  const namespace = () => {
    const { browser, chrome } = globalThis as { browser?: Namespace; chrome?: Namespace };
    return browser ?? chrome;
  };
  startResident({
    // Read on issue and PR pages only: see lib/content/resident/watch.ts watchNavigation
    get doc() {
      return document;
    },
    win: window,
    runtime: () => namespace()?.runtime,
    site: githubResident,
    word: residentWords(() => namespace()?.i18n),
  });
});
