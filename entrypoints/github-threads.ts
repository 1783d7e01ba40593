import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ResidentI18n } from '@/lib/content/resident/words';
import type { ThreadsRuntime } from '@/lib/content/threads';
import { installThreads } from '@/lib/content/threads';
import { threadWords } from '@/lib/content/threads/words';
import { githubThreads } from '@/lib/forges/github/threads';

/** The browser's own extension namespace (see entrypoints/github-resident.ts: no polyfill here either). */
type Namespace = { runtime: ThreadsRuntime; i18n: ResidentI18n };

// Injected by the background (`threads.load`, lib/background/tabs/load-ui.ts) into the GitHub tab's isolated
// world when the resident script sees review threads on a PR page: their "Ask OpenHands" buttons, and nothing
// else until one is clicked (then the full UI, entrypoints/github-ui.ts).
export default defineUnlistedScript(() => {
  const namespace = () => {
    const { browser, chrome } = globalThis as { browser?: Namespace; chrome?: Namespace };
    return browser ?? chrome;
  };
  installThreads({
    doc: document,
    win: window,
    site: githubThreads,
    runtime: () => namespace()?.runtime,
    word: threadWords(() => namespace()?.i18n),
  });
});
