import type { Browser } from 'wxt/browser';

/** The part of `scripting` reading a selection needs. */
export interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[] };
    func: () => string;
  }): Promise<Array<{ result?: unknown }>>;
}

/**
 * Runs in the page: the selected text with its line breaks. `getSelection()` is empty for selections
 * inside text fields, so those are read from the field. Must not reference anything outside itself.
 */
export function selectedTextInPage(): string {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    const { selectionStart: start, selectionEnd: end, value } = active;
    if (start !== null && end !== null && end > start) return value.slice(start, end);
  }
  return globalThis.getSelection()?.toString() ?? '';
}

/**
 * The text the menu was clicked on. Chromium's `selectionText` turns line breaks into spaces, so the
 * selection is read in the clicked frame with `scripting` (allowed by the click's `activeTab` grant);
 * where injection is refused (Web Store, PDF viewer, browser pages) `selectionText` is the fallback.
 */
export async function readSelection(
  info: Pick<Browser.contextMenus.OnClickData, 'frameId' | 'selectionText'>,
  tab: Pick<Browser.tabs.Tab, 'id'> | undefined,
  scripting: ScriptingApi,
): Promise<string> {
  const fallback = info.selectionText ?? '';
  if (tab?.id === undefined || tab.id < 0) return fallback;
  try {
    const [first] = await scripting.executeScript({
      target: { tabId: tab.id, frameIds: [info.frameId ?? 0] },
      func: selectedTextInPage,
    });
    const text = first?.result;
    return typeof text === 'string' && text.trim() ? text : fallback;
  } catch {
    return fallback;
  }
}
