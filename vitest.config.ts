import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const TESTS = 'tests/unit/**/*.test.{ts,tsx}';

/**
 * Tests of code that renders or reads a page get a DOM (happy-dom); the rest run in plain Node, which spares
 * them happy-dom's set-up (about a second per file on our machines). A test outside these folders that needs
 * a DOM says so in its first line: `// @vitest-environment happy-dom`.
 */
const DOM_TESTS = ['tests/unit/components/**', 'tests/unit/lib/content/**', 'tests/unit/lib/forges/**'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Vitest's default leaves a core idle (one worker on a 2-core machine): every core runs test files
    maxWorkers: '100%',
    // The OpenHands stand-in compiles its OpenAPI validators on a file's first requests: about a second here,
    // several on a loaded 2-core machine, which is too close to Vitest's 5 s default for a test to pass or
    // fail on the machine's mood. Slower than this is a hang.
    testTimeout: 15_000,
    // English words for every test (WXT's fake browser has no i18n)
    setupFiles: ['virtual:wxt-setup', 'tests/support/i18n-setup.ts'],
    mockReset: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          include: DOM_TESTS.map((dir) => `${dir}/*.test.{ts,tsx}`),
          environment: 'happy-dom',
        },
      },
      { extends: true, test: { name: 'node', include: [TESTS], exclude: DOM_TESTS, environment: 'node' } },
    ],
  },
});
