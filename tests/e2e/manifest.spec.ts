import { expect, test } from './fixtures.ts';

// Pinned on purpose: a new permission must be a deliberate change to this test and to the README table.
test('should ask for exactly the permissions the README explains', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    ['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage'].sort(),
  );
  expect(manifest.host_permissions).toEqual(['https://github.com/*', 'https://app.all-hands.dev/*']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest).not.toHaveProperty('externally_connectable');
  // One small resident script on GitHub; its UI is injected on demand by the background, never web-accessible.
  expect(manifest.content_scripts).toEqual([
    { matches: ['https://github.com/*'], js: ['github-resident.js'], run_at: 'document_end' },
  ]);
  expect(manifest).not.toHaveProperty('web_accessible_resources');
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|webRequest|cookies|history/);
});
