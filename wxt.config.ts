import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { CLOUD_ORIGIN, originPattern } from './lib/server/origin';
import { octiconSizes } from './scripts/build/octicon-sizes';

/** Origins the extension always needs: GitHub pages and OpenHands Cloud. */
const HOST_PERMISSIONS = ['https://github.com/*', originPattern(CLOUD_ORIGIN)];

// See README "Permissions" for why each one is here.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every word the user reads, one file per language (lib/i18n/README.md)
  i18n: { localesDir: resolve('lib/i18n/locales') },
  imports: false,
  // MV3 everywhere, Firefox included: one manifest shape, `action` and optional host permissions on both.
  manifestVersion: 3,
  // Lets parallel builds (tests, benchmarks) write to separate folders.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // The Firefox sources zip is what reviewers rebuild from: no test output, local builds or the vendored
  // OpenAPI files (tests only; ~900 KB) in it.
  // The popup's icons at the one size each is drawn at (scripts/build/octicon-sizes.ts)
  vite: () => ({ plugins: [octiconSizes()] }),
  zip: {
    excludeSources: [
      'tests/contract/**',
      'test-results/**',
      'bench-results/**',
      'playwright-report/**',
      '.output-*/**',
      // What `npm run bench` generates when it builds its empty reference extension
      'scripts/bench/empty-extension/.wxt/**',
      'docs/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms', 'notifications', 'scripting', 'activeTab'],
    host_permissions: HOST_PERMISSIONS,
    // The GitHub button's resident script (entrypoints/github-resident.ts): an unlisted script, so it carries
    // neither WXT's content-script runtime nor the webextension-polyfill. Its UI bundle (github-ui.js) is
    // injected on demand by the background, and is no web-accessible resource.
    content_scripts: [
      { matches: ['https://github.com/*'], js: ['github-resident.js'], run_at: 'document_end' },
    ],
    // A self-hosted OpenHands server is granted at runtime, from the options page.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'send-default': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_manifest_sendDefault__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'send-to-openhands@openhands.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
