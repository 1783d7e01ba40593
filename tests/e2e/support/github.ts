import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

const FIXTURE_DIR = path.resolve('tests/fixtures/github');

/** Reads an HTML fixture that imitates a GitHub page. */
export function readGitHubFixture(file: string): string {
  return readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
}

/**
 * Serves GitHub stand-ins: each `https://github.com/...` URL in `pages` answers with its fixture file (or
 * inline HTML); any other github.com URL answers 404, so nothing reaches the real site.
 */
export async function routeGitHub(
  context: BrowserContext,
  pages: Record<string, { file?: string; html?: string }>,
) {
  await context.route('https://github.com/**', async (route) => {
    const url = new URL(route.request().url());
    const page = pages[`${url.origin}${url.pathname}`];
    if (!page) {
      await route.fulfill({
        status: 404,
        contentType: 'text/html',
        body: '<!doctype html><title>Not Found</title>',
      });
      return;
    }
    const body = page.html ?? readGitHubFixture(page.file ?? '');
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}
