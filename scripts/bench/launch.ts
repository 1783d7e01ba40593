import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/e2e/support/chromium.ts';
import { routeBenchPages } from './pages.ts';

/** Chromium in a fresh profile, with `extension` loaded (or none), serving the bench's GitHub pages. */
export async function launchBench(extension?: string): Promise<BrowserContext> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sto-bench-'));
  const load = extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...load, ...CHROMIUM_FLAGS],
  });
  await routeBenchPages(context);
  return context;
}
