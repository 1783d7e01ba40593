import { browser, defineUnlistedScript } from '#imports';
import { createUi } from '@/lib/content/ui';
import { installUi } from '@/lib/content/ui/register';
import { github } from '@/lib/forges/github/forge';
import { githubPages } from '@/lib/forges/github/pages';
import { askFromGitHub } from '@/lib/protocol/ask-from-github';

// Injected by the background (`ui.load`, lib/background/tabs/load-ui.ts) into the GitHub tab's isolated world, the
// first time the resident script needs it: the pointer or the focus reached the button, a click or the
// keyboard command came first, or a PR page shows review threads; and by the background's page watch on issue
// and PR pages with conversations (each injection refreshes the copy already there). No zod, no React.
export default defineUnlistedScript(() => {
  installUi(() =>
    createUi({
      doc: document,
      href: () => location.href,
      forge: github,
      pages: githubPages,
      alive: () => Boolean(browser.runtime?.id),
      ask: askFromGitHub,
      runtime: browser.runtime,
      later: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
    }),
  );
});
