import type { Forge, ForgeItem, ForgePages } from '@/lib/forges/forge';
import type { PageContext } from '@/lib/forges/page-data';

/** The page the UI is on: its address and the item it shows (null off an issue or PR page). */
export type PageSnapshot = { readonly href: string; readonly item: ForgeItem | null };

/** How every part of the UI reads the page (lib/content/ui/index.ts makes one). */
export type UiPage = {
  /** The page now. Its address is read each time, the item parsed only when the address changed. */
  current(): PageSnapshot;
  /**
   * The item's context, read from the DOM at the moment of the call (soft navigation and edits to the issue
   * never send stale context); null off an item page.
   */
  context(): PageContext | null;
  /** The forge's page readers (review threads, review activity). */
  readonly pages: ForgePages;
};

/** One page reader for the UI: one parse per navigation, whatever reads it. */
export function createUiPage(deps: {
  doc: Document;
  href(): string;
  forge: Forge;
  pages: ForgePages;
}): UiPage {
  let last: PageSnapshot | undefined;
  const current = (): PageSnapshot => {
    const href = deps.href();
    if (last?.href !== href) last = { href, item: deps.forge.itemOf(href) };
    return last;
  };
  return {
    current,
    context() {
      const { href, item } = current();
      return item ? deps.pages.readContext(deps.doc, href) : null;
    },
    pages: deps.pages,
  };
}
