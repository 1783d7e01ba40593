import { browser } from '#imports';
import { repositoryOfUrl } from '@/lib/forges/forges';

/**
 * `owner/repo` of the forge repository in the active tab, else null. The popup has no `tabs` permission:
 * the URL is visible only through `activeTab`, granted when the user clicks the toolbar icon. Opened any
 * other way (e.g. as a tab), the active tab is the popup itself and there is no repository.
 */
export async function activeTabRepository(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ? repositoryOfUrl(tab.url) : null;
  } catch {
    return null;
  }
}
