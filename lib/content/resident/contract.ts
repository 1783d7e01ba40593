/*
 * How the resident script and the on-demand UI bundle (entrypoints/github-ui.ts) talk. Both run in the
 * extension's isolated world of the tab, so the UI registers its API as a global of that world: the page's
 * own scripts live in another world and cannot see it.
 */

/** The resident's button, as the UI takes it over (menu, tooltip, busy state). */
export type ButtonParts = {
  host: HTMLElement;
  root: ShadowRoot;
  main: HTMLButtonElement;
  caret: HTMLButtonElement;
  /** Locks the button while a start is under way: spinner, `aria-busy`, `aria-disabled`. */
  setBusy(busy: boolean): void;
};

/** What the caret asks of the menu: toggle it (click), or open it on the first (↓) or last (↑) item. */
export type MenuRequest = 'toggle' | 'first' | 'last';

export type UiApi = {
  /** False once the extension was reloaded or updated: this copy can no longer reach the background. */
  alive(): boolean;
  /** Takes over the button; calling it again with the same button does nothing. */
  bind(button: ButtonParts): void;
  /** A plain click, or the keyboard command (also on pages without the button). */
  runDefault(): void;
  menu(request: MenuRequest): void;
  /** The page changed (soft navigation, or the button left the page): the tooltip and the menu follow. */
  refresh(): void;
  /**
   * A review thread's "Ask OpenHands" (lib/content/threads): the follow-up dialog about the thread with this id.
   * False when the page has no such thread to send.
   */
  askAboutThread(threadId: string, returnFocus: HTMLElement): boolean;
  /** Ends this copy: its listeners, menu, toast and editor go. */
  destroy(): void;
};

const UI_GLOBAL = '__sendToOpenHandsUi';

type Scope = { [UI_GLOBAL]?: UiApi };

/** The UI registered in this world, if any (it may be an orphan of a reloaded extension: ask `alive`). */
export function registeredUi(scope: object = globalThis): UiApi | undefined {
  return (scope as Scope)[UI_GLOBAL];
}

export function registerUi(api: UiApi, scope: object = globalThis): void {
  (scope as Scope)[UI_GLOBAL] = api;
}
