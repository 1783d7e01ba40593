/**
 * `npm run bench`: measures the built extension in Chromium against the local GitHub fixtures and OpenHands
 * stand-in, prints a table and writes bench-results/bench.json. It reports; nothing here passes or fails.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  EXTENSION_PATH,
  launchWithExtension,
} from '../../tests/e2e/support/chromium.ts';
import { CLOUD_ORIGIN, routeOpenHands } from '../../tests/e2e/support/openhands.ts';
import { startOpenHandsServer } from '../../tests/support/openhands-server/index.ts';
import { headerToButtonOnLoad, softNavigationToButton } from './button-timing.ts';
import { clickToRequest } from './click-to-request.ts';
import { contentScriptSize } from './content-size.ts';
import { popupFirstRow } from './popup-timing.ts';
import { scriptTimeOnIssuePage } from './script-time.ts';
import { round, type Summary } from './stats.ts';

const LOADS = Number(process.env.BENCH_SAMPLES ?? 20);
const KEY = 'bench-api-key-0001';

async function extensionContext(
  server: { url: string },
  onApiRequest?: (method: string, path: string) => void,
) {
  const context = await launchWithExtension();
  await routeOpenHands(context, server.url, CLOUD_ORIGIN, onApiRequest);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(
    (apiKey) =>
      chrome.runtime.sendMessage({
        type: 'settings.save',
        serverUrl: 'https://app.all-hands.dev',
        apiKey,
        notifications: false,
      }),
    KEY,
  );
  await page.close();
  return { context, extensionId };
}

async function plainContext() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sto-bench-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

const row = (name: string, s: Summary, unit = 'ms') =>
  `| ${name} | ${s.n} | ${round(s.median)} ${unit} | ${round(s.p95)} ${unit} |`;

async function main() {
  const server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY, stepsPerPoll: 8 });
  const size = contentScriptSize(EXTENSION_PATH);
  console.log(`content script: ${size.bytes} bytes, ${size.gzip} bytes gzip (${size.files.join(', ')})`);
  const half = Math.ceil(LOADS / 2);

  const arrivals: number[] = [];
  const main = await extensionContext(server, (method, p) => {
    if (method === 'POST' && p === '/api/v1/app-conversations') arrivals.push(Date.now());
  });
  const onLoad = await headerToButtonOnLoad(main.context, LOADS);
  const softNav = await softNavigationToButton(main.context, LOADS);
  const warm = await clickToRequest(main.context, main.extensionId, arrivals, half, false);
  const cold = await clickToRequest(main.context, main.extensionId, arrivals, half, true);
  server.seedConversations(30);
  const popup = await popupFirstRow(main.context, main.extensionId, half);
  await main.context.close();

  // Fresh browsers for the script-time comparison, so nothing else runs in them.
  const settle = (page: Page) => page.waitForTimeout(500);
  const withExtension = await extensionContext(server);
  const scriptWith = await scriptTimeOnIssuePage(withExtension.context, half, settle);
  await withExtension.context.close();
  const without = await plainContext();
  const scriptWithout = await scriptTimeOnIssuePage(without, half, settle);
  await without.close();
  await server.close();

  const added = round(scriptWith.script.median - scriptWithout.script.median, 2);
  const results = {
    date: new Date().toISOString(),
    extension: EXTENSION_PATH,
    contentScript: size,
    headerToButtonOnLoad: onLoad,
    headerToButtonSoftNav: softNav,
    scriptTimeWithExtension: scriptWith,
    scriptTimeWithoutExtension: scriptWithout,
    scriptTimeAddedMedianMs: added,
    clickToRequestWarm: warm,
    clickToRequestCold: cold,
    popupFirstRowFromCache: popup,
  };
  const table = [
    '| Measure | Samples | Median | p95 |',
    '| --- | --- | --- | --- |',
    `| Content script size | — | ${size.bytes} B (${size.gzip} B gzip) | — |`,
    row('Header inserted → button present (page load)', onLoad),
    row('Page swapped → button present (soft navigation)', softNav),
    row('Main-thread script time, issue page, with extension', scriptWith.script),
    row('Main-thread script time, issue page, without extension', scriptWithout.script),
    `| Script time the content script adds (difference of medians) | — | ${added} ms | — |`,
    row('Click → request at server, service worker running', warm),
    row('Click → request at server, service worker stopped', cold),
    row('Popup open → first conversation listed (from cache)', popup),
  ].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench-results/bench.md', `${table}\n`);
  console.log('written: bench-results/bench.json, bench-results/bench.md');
}

await main();
