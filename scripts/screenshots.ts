/**
 * `npm run screenshots`: captures the README's pictures into docs/ from the built extension in Chromium,
 * against the GitHub fixtures and the local OpenHands stand-in.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/support/chromium.ts';
import { routeGitHub } from '../tests/e2e/support/github.ts';
import { routeOpenHands } from '../tests/e2e/support/openhands.ts';
import { startOpenHandsServer } from '../tests/support/openhands-server/index.ts';

const KEY = 'screenshot-key-0001';
const ISSUE = 'https://github.com/octo-org/hello-world/issues/42';
const OUT = 'docs';

/** The area around the issue header, where the button lives, with some margin. */
async function headerClip(page: Page) {
  const box = await page.locator('[data-component="PH"]').first().boundingBox();
  if (!box) throw new Error('issue header not found in the fixture');
  return {
    x: Math.max(0, box.x - 16),
    y: Math.max(0, box.y - 16),
    width: Math.min(1280, box.width + 32),
    height: box.height + 32,
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY, stepsPerPoll: 0 });
  server.seedConversations(6);
  const context = await launchWithExtension();
  await routeOpenHands(context, server.url);
  await routeGitHub(context, { [ISSUE]: { file: 'issue.html' } });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const options = await context.newPage();
  await options.setViewportSize({ width: 760, height: 720 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('API key').fill(KEY);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByText('Connected to').waitFor();
  await options.screenshot({ path: `${OUT}/options.png`, fullPage: true });

  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ISSUE);
  const button = page.getByRole('button', { name: 'Send to OpenHands' });
  await button.waitFor();
  await page.screenshot({ path: `${OUT}/button-issue.png`, clip: await headerClip(page) });

  await page.getByRole('button', { name: 'More OpenHands actions' }).click();
  await page.getByRole('menu').waitFor();
  const menuBox = await page.getByRole('menu').boundingBox();
  const clip = await headerClip(page);
  await page.screenshot({
    path: `${OUT}/presets-menu.png`,
    clip: {
      ...clip,
      height: Math.max(clip.height, (menuBox?.y ?? 0) + (menuBox?.height ?? 0) - clip.y + 16),
    },
  });
  await page.keyboard.press('Escape');

  server.configure({ stepsPerPoll: 1 });
  await button.click();
  const link = page.getByRole('link', { name: 'Open conversation' });
  await link.waitFor();
  await page.waitForTimeout(4_500);
  await page.screenshot({
    path: `${OUT}/progress-toast.png`,
    clip: { x: 1280 - 480, y: 720 - 260, width: 480, height: 260 },
  });

  // The issue page after OpenHands finished and opened PR #7: the status control, its list, a follow-up
  let conversationId = '';
  // The link names the start task until the conversation exists
  for (let tries = 0; !/^[0-9a-f]{32}$/.test(conversationId) && tries < 60; tries++) {
    if (tries) await page.waitForTimeout(500);
    conversationId = (await link.getAttribute('href'))?.split('/').pop() ?? '';
  }
  server.setConversationStatus(conversationId, { execution_status: 'finished', pr_number: [7] });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.reload();
  const status = page.getByRole('button', { name: /OpenHands: Finished/ });
  await status.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${OUT}/status-issue.png`, clip: await headerClip(page) });
  await status.click();
  await page.getByRole('menu').waitFor();
  const listBox = await page.getByRole('menu').boundingBox();
  const statusClip = await headerClip(page);
  await page.screenshot({
    path: `${OUT}/status-list.png`,
    clip: {
      ...statusClip,
      height: Math.max(statusClip.height, (listBox?.y ?? 0) + (listBox?.height ?? 0) - statusClip.y + 16),
    },
  });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'More OpenHands actions' }).click();
  await page.getByRole('menuitem', { name: /Continue the conversation/ }).click();
  await page.getByRole('dialog').getByRole('textbox').first().fill('Also add a test for the redirect loop.');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/follow-up-editor.png` });
  await page.keyboard.press('Escape');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('ul li').nth(3).waitFor();
  await popup.screenshot({ path: `${OUT}/popup-light.png` });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: `${OUT}/popup-dark.png` });

  await context.close();
  await server.close();
  console.log(`screenshots written to ${OUT}/`);
}

await main();
