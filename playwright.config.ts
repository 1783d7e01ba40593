import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Runs against different builds (EXTENSION_PATH) keep separate results, so they can run side by side.
const build = process.env.EXTENSION_PATH
  ? path.basename(path.dirname(path.resolve(process.env.EXTENSION_PATH)))
  : 'default';

// Each test launches its own Chromium with the built extension and its own OpenHands stand-in, so tests
// are independent; two workers match the machine's two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  outputDir: `test-results/${build}`,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./tests/e2e/support/summary-reporter.ts']],
  use: { trace: 'retain-on-failure' },
});
