// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft } from '@/lib/background/selection/drafts';
import { SELECTION_MENU_ID } from '@/lib/background/selection/menu';
import type { ScriptingApi } from '@/lib/background/selection/read-selection';
import { onSelectionMenuClicked } from '@/lib/background/selection/send-selection';
import { COMPOSE_WINDOW } from '@/lib/storage/draft';

const STACK_TRACE = 'TypeError: boom\n    at parse (src/parse.ts:10:5)\n    at main (src/main.ts:3:1)';
/** What Chromium's `selectionText` makes of it: line breaks turned into spaces. */
const FLATTENED = STACK_TRACE.replace(/\n/g, ' ');

/** A click on our menu item in frame 0 of tab 7 of a CI log page. */
const click = (
  overrides: Partial<Browser.contextMenus.OnClickData> = {},
): Browser.contextMenus.OnClickData => ({
  menuItemId: SELECTION_MENU_ID,
  editable: false,
  frameId: 0,
  pageUrl: 'https://ci.example.com/builds/42',
  selectionText: FLATTENED,
  ...overrides,
});
const tab = { id: 7, url: 'https://ci.example.com/builds/42' } as Browser.tabs.Tab;

/** Scripting that runs the injected function against happy-dom, as `activeTab` allows after a click. */
const allowedScripting = (): ScriptingApi & { executeScript: ReturnType<typeof vi.fn> } => ({
  executeScript: vi.fn(async (injection: Parameters<ScriptingApi['executeScript']>[0]) => [
    { frameId: 0, result: injection.func() },
  ]),
});

/** Scripting refused, as on the Chrome Web Store or in the PDF viewer. */
const refusedScripting = () => ({
  executeScript: vi.fn(async () => {
    throw new Error('Cannot access contents of the page. Extension manifest must request permission.');
  }),
});

/** Selects `text` in a `<pre>` on the happy-dom page. */
function selectInPage(text: string) {
  document.body.innerHTML = '';
  const pre = document.createElement('pre');
  pre.textContent = text;
  document.body.append(pre);
  const range = document.createRange();
  range.selectNodeContents(pre);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** The handler's browser APIs: the fake browser, with `scripting` as the test needs it. */
const deps = (scripting: ScriptingApi) => ({
  scripting,
  windows: fakeBrowser.windows,
  runtime: fakeBrowser.runtime,
});

/** The draft id in the URL of the last window the handler opened. */
function openedDraftId(): string {
  const calls = vi.mocked(fakeBrowser.windows.create).mock.calls;
  const data = calls.at(-1)?.[0] as Browser.windows.CreateData | undefined;
  return new URL(String(data?.url)).searchParams.get('draft') ?? '';
}

describe('onSelectionMenuClicked', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.windows, 'create');
    selectInPage(STACK_TRACE);
  });

  it('should read the selection with its line breaks when scripting is allowed', async () => {
    const scripting = allowedScripting();
    await onSelectionMenuClicked(click({ frameId: 3 }), tab, deps(scripting));
    expect(scripting.executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 7, frameIds: [3] } }),
    );
    const actual = await loadDraft(openedDraftId());
    expect(actual.text).toBe(STACK_TRACE);
    expect(actual.url).toBe('https://ci.example.com/builds/42');
  });

  it('should fall back to selectionText when scripting is refused', async () => {
    await onSelectionMenuClicked(click(), tab, deps(refusedScripting()));
    const actual = await loadDraft(openedDraftId());
    expect(actual.text).toBe(FLATTENED);
  });

  it('should fall back to selectionText when the script finds nothing selected', async () => {
    document.getSelection()?.removeAllRanges();
    await onSelectionMenuClicked(click(), tab, deps(allowedScripting()));
    expect((await loadDraft(openedDraftId())).text).toBe(FLATTENED);
  });

  it('should use selectionText without a tab to inject into', async () => {
    const scripting = allowedScripting();
    await onSelectionMenuClicked(click(), undefined, deps(scripting));
    expect(scripting.executeScript).not.toHaveBeenCalled();
    expect((await loadDraft(openedDraftId())).text).toBe(FLATTENED);
  });

  it('should read a selection inside a text field', async () => {
    document.body.innerHTML = '<textarea>before\nline one\nline two\nafter</textarea>';
    const field = document.querySelector('textarea') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(7, 24);
    await onSelectionMenuClicked(click(), tab, deps(allowedScripting()));
    expect((await loadDraft(openedDraftId())).text).toBe('line one\nline two');
  });

  it('should open compose.html for the draft in a popup window', async () => {
    const create = vi.mocked(fakeBrowser.windows.create);
    await onSelectionMenuClicked(click(), tab, deps(allowedScripting()));
    const id = openedDraftId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(create).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/compose.html?draft=${id}`,
      type: 'popup',
      ...COMPOSE_WINDOW,
    });
  });

  it('should ignore clicks on other menu items', async () => {
    const create = vi.mocked(fakeBrowser.windows.create);
    const scripting = allowedScripting();
    await onSelectionMenuClicked(click({ menuItemId: 'something-else' }), tab, deps(scripting));
    expect(scripting.executeScript).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});
