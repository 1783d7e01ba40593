import type { Browser } from 'wxt/browser';
import { saveDraft } from '@/lib/background/selection/drafts';
import { SELECTION_MENU_ID } from '@/lib/background/selection/menu';
import { readSelection, type ScriptingApi } from '@/lib/background/selection/read-selection';
import { composeWindowData, newDraft } from '@/lib/storage/draft';

/** The browser APIs a menu click uses; the background passes `browser`, tests pass fakes. */
export interface SelectionMenuDeps {
  scripting: ScriptingApi;
  windows: { create(data: Browser.windows.CreateData): Promise<unknown> };
  runtime: { getURL(path: string): string };
  now?: () => Date;
}

/**
 * "Send selection to OpenHands" was clicked: reads the selection with its line breaks, keeps it as a draft
 * in session storage and opens the compose window for it. Clicks on other items are ignored.
 */
export async function onSelectionMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  deps: SelectionMenuDeps,
): Promise<void> {
  if (info.menuItemId !== SELECTION_MENU_ID) return;
  const text = await readSelection(info, tab, deps.scripting);
  const url = info.pageUrl ?? tab?.url ?? '';
  const id = await saveDraft(newDraft(text, url, deps.now?.() ?? new Date()));
  await deps.windows.create(composeWindowData(id, (path) => deps.runtime.getURL(path)));
}
