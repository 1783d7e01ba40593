import type { Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** The fixed id of "Send selection to OpenHands", so re-creating it replaces it. */
export const SELECTION_MENU_ID = 'send-selection-to-openhands';
/** The item's title in the user's language (read when the item is created, not at import). */
export const selectionMenuTitle = (): string => t('background.selectionMenu');

/** The part of `contextMenus` the registration uses. */
export interface MenusApi {
  create(properties: Browser.contextMenus.CreateProperties): unknown;
  remove(id: string): Promise<void>;
}

/**
 * Creates the selection item, on any page. Runs in `runtime.onInstalled`; items outlive the worker, and an
 * update or reload may find the old one still there, so it is removed first (creating a duplicate id fails).
 */
export async function registerSelectionMenu(menus: MenusApi): Promise<void> {
  await menus.remove(SELECTION_MENU_ID).catch(() => {});
  menus.create({ id: SELECTION_MENU_ID, title: selectionMenuTitle(), contexts: ['selection'] });
}
