import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

/** The production build under test; parallel runs (benchmarks) can point elsewhere. */
export const EXTENSION_PATH = path.resolve(process.env.EXTENSION_PATH ?? '.output/chrome-mv3');

/** Debian's Chromium: Playwright cannot download browsers on our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet on a machine without network access. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with the built extension loaded, in a fresh profile. Its interface language, and so the
 * extension's words (lib/i18n), is English unless a test asks for another (`--lang`, as Chromium on Linux
 * reads it; the machine's own locale does not leak in).
 */
export async function launchWithExtension(
  options: { colorScheme?: 'light' | 'dark'; language?: string } = {},
): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sto-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      `--lang=${options.language ?? 'en-US'}`,
      ...CHROMIUM_FLAGS,
    ],
  });
}
