/**
 * `npm run bench`: measures the built extension in Chromium against the local GitHub fixtures and OpenHands
 * stand-in, next to references (an empty WXT content script, the hand-written floor and button floor, a
 * one-row popup page) and to no extension at all, in one run; prints a table and writes
 * bench-results/bench.json and bench.md. It reports; nothing here passes or fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_PATH } from '../../tests/e2e/support/chromium.ts';
import { settleInstallTab } from '../../tests/e2e/support/install-tab.ts';
import { CLOUD_ORIGIN, routeOpenHands } from '../../tests/e2e/support/openhands.ts';
import { startOpenHandsServer } from '../../tests/support/openhands-server/index.ts';
import { headerToButtonOnLoad, recordButtonInsertions, softNavigationToButton } from './button-timing.ts';
import { caretToMenu, clickToRequest, HUMAN_PAUSE_MS } from './click-to-request.ts';
import { launchBench } from './launch.ts';
import { MANY_THREADS, REAL_PULL_MISSING, SCRIPT_TIME_PAGES, settleAfterLoad } from './pages.ts';
import { firstRowTimes } from './popup-timing.ts';
import {
  buildEmptyContentScript,
  writeButtonFloorExtension,
  writeFloorExtension,
  writePopupReferenceExtension,
} from './reference-extensions.ts';
import { type PageTimes, scriptTimes } from './script-time.ts';
import { contentScriptSize, pageScriptSize, type Size, sizeOf } from './sizes.ts';
import { round, type Summary } from './stats.ts';

const LOADS = Number(process.env.BENCH_SAMPLES ?? 20);
/** Loads per page and browser for the script-time medians (15 by default; at least 10 for a median worth reading). */
const SCRIPT_LOADS = Number(process.env.BENCH_SCRIPT_SAMPLES ?? Math.max(15, Math.ceil(LOADS / 2)));
const KEY = 'bench-api-key-0001';

/** Our extension, configured with a key for the stand-in behind Cloud's URL. */
async function extensionContext(
  server: { url: string },
  onApiRequest?: (method: string, path: string) => void,
) {
  const context = await launchBench(EXTENSION_PATH);
  await routeOpenHands(context, server.url, CLOUD_ORIGIN, onApiRequest);
  await settleInstallTab(context);
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

/** Script time on every page, in each browser, loads interleaved; closes the browsers. */
async function scriptTimesIn<B extends string>(browsers: Record<B, BrowserContext>) {
  const times = await scriptTimes(browsers, SCRIPT_TIME_PAGES, SCRIPT_LOADS, settleAfterLoad);
  for (const context of Object.values<BrowserContext>(browsers)) await context.close();
  return times;
}

const ms = (value: number, digits = 1) => `${round(value, digits)} ms`;
const bytes = (size: Size) => `${size.bytes} B (${size.gzip} B gzip)`;
const met = (ok: boolean) => (ok ? '✓' : '✗');

async function main() {
  const server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY, stepsPerPoll: 8 });
  const emptyPath = await buildEmptyContentScript();
  const floorPath = writeFloorExtension();
  const buttonFloorPath = writeButtonFloorExtension();
  const popupReferencePath = writePopupReferenceExtension();
  if (REAL_PULL_MISSING) console.log(REAL_PULL_MISSING);
  const sizes = {
    resident: sizeOf(EXTENSION_PATH, ['github-resident.js']),
    ui: sizeOf(EXTENSION_PATH, ['github-ui.js']),
    everyGitHubPage: contentScriptSize(EXTENSION_PATH),
    emptyContentScript: contentScriptSize(emptyPath),
    floorContentScript: contentScriptSize(floorPath),
    buttonFloorContentScript: contentScriptSize(buttonFloorPath),
    popupScripts: pageScriptSize(EXTENSION_PATH, 'popup.html'),
    popupReferenceScripts: pageScriptSize(popupReferencePath, 'reference.html'),
  };
  const half = Math.ceil(LOADS / 2);

  const arrivals: number[] = [];
  const main = await extensionContext(server, (method, p) => {
    if (method === 'POST' && p === '/api/v1/app-conversations') arrivals.push(Date.now());
  });
  await recordButtonInsertions(main.context);
  const onLoad = await headerToButtonOnLoad(main.context, LOADS);
  const softNav = await softNavigationToButton(main.context, LOADS);
  const clickPause = await clickToRequest(main.context, main.extensionId, arrivals, half, 'pause');
  const clickAtOnce = await clickToRequest(main.context, main.extensionId, arrivals, half, 'at-once');
  const clickCold = await clickToRequest(main.context, main.extensionId, arrivals, half, 'cold');
  const caret = await caretToMenu(main.context, half);
  server.seedConversations(30);
  // The popup and the one-row reference page, opens interleaved (the reference in a browser of its own)
  const reference = await launchBench(popupReferencePath);
  const referenceWorker = reference.serviceWorkers()[0] ?? (await reference.waitForEvent('serviceworker'));
  const { popup, popupReference } = await firstRowTimes(
    {
      popup: { context: main.context, url: `chrome-extension://${main.extensionId}/popup.html` },
      popupReference: {
        context: reference,
        url: `chrome-extension://${new URL(referenceWorker.url()).host}/reference.html`,
      },
    },
    half,
  );
  await reference.close();
  await main.context.close();

  // Fresh browsers for script time, so nothing else runs in them: ours, an empty WXT content script, the
  // hand-written floor and button floor, none.
  const times = await scriptTimesIn({
    withExtension: (await extensionContext(server)).context,
    emptyScript: await launchBench(emptyPath),
    floor: await launchBench(floorPath),
    buttonFloor: await launchBench(buttonFloorPath),
    without: await launchBench(),
  });
  const { withExtension, emptyScript, floor, buttonFloor, without } = times;
  await server.close();

  const added = (times: Record<string, PageTimes>, page: string) =>
    round((times[page]?.script.median ?? Number.NaN) - (without[page]?.script.median ?? Number.NaN), 2);
  /**
   * Each page: its label, the target for the script the extension adds over no extension, and the reference
   * the extension is held to: within 1 ms of the button floor on issue and PR pages, within 0.5 ms of the
   * floor elsewhere. On PR pages with review threads the UI bundle comes for their "Ask OpenHands" buttons,
   * so there the target is the 8 ms the extension adds, with the button floor's figure beside it.
   */
  type ScriptPage = {
    page: string;
    label: string;
    target: number;
    reference?: { name: 'button floor' | 'floor'; times: Record<string, PageTimes>; within: number };
  };
  const nearButtonFloor = { name: 'button floor', times: buttonFloor, within: 1 } as const;
  const nearFloor = { name: 'floor', times: floor, within: 0.5 } as const;
  const scriptPages: ScriptPage[] = [
    { page: 'issue', label: 'Issue page', target: 2, reference: nearButtonFloor },
    {
      page: 'issueLarge',
      label: `Issue page, ${without.issueLarge?.elements} elements`,
      target: 2,
      reference: nearButtonFloor,
    },
    {
      page: 'pull',
      label: 'PR page without conversations or review threads',
      target: 2,
      reference: nearButtonFloor,
    },
    { page: 'pullThreads', label: 'PR page with 5 review threads (the UI bundle loads)', target: 8 },
    {
      page: 'pullManyThreads',
      label: `PR page with ${MANY_THREADS} review threads (the UI bundle loads)`,
      target: 8,
    },
    ...(REAL_PULL_MISSING
      ? []
      : [
          {
            page: 'pullReal',
            label: 'Real PR page, 2026 React view, 16 review threads (ArcReel#1817)',
            target: 8,
          },
        ]),
    { page: 'repo', label: 'Repository home (not an issue or PR)', target: 1, reference: nearFloor },
    {
      page: 'code',
      label: `Code view, ${without.code?.elements} elements (not an issue or PR)`,
      target: 1,
      reference: nearFloor,
    },
  ];
  const scriptAdded = Object.fromEntries(
    scriptPages.map(({ page }) => [
      page,
      {
        ours: added(withExtension, page),
        empty: added(emptyScript, page),
        floor: added(floor, page),
        buttonFloor: added(buttonFloor, page),
      },
    ]),
  );

  const results = {
    date: new Date().toISOString(),
    extension: EXTENSION_PATH,
    samples: { loads: LOADS, scriptLoads: SCRIPT_LOADS, clicks: half, humanPauseMs: HUMAN_PAUSE_MS },
    sizes,
    scriptTime: {
      withExtension,
      emptyContentScript: emptyScript,
      floorContentScript: floor,
      buttonFloorContentScript: buttonFloor,
      withoutExtension: without,
      added: scriptAdded,
    },
    headerToButtonOnLoad: onLoad,
    headerToButtonSoftNav: softNav,
    clickToRequest: { pointerThenPause: clickPause, clickAtOnce, workerStopped: clickCold },
    caretToMenu: caret,
    popupFirstRowFromCache: popup,
    popupReferenceFirstRow: popupReference,
    skipped: REAL_PULL_MISSING ? [REAL_PULL_MISSING] : [],
  };

  const row = (name: string, target: string, s: Summary, ok?: boolean) =>
    `| ${name} | ${target} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ok === undefined ? '' : met(ok)} |`;
  const kb = (size: Size) => round(size.gzip / 1024, 2);
  const lines = [
    '| Measure | Target | Samples | Median | p95 | Met |',
    '| --- | --- | --- | --- | --- | --- |',
    `| Resident script, on every GitHub page (github-resident.js) | ≤ 5 KB gzip (never > 8) | — | ${bytes(sizes.resident)} | — | ${met(kb(sizes.resident) <= 5)} |`,
    `| UI bundle, injected on demand (github-ui.js) | — | — | ${bytes(sizes.ui)} | — | |`,
    `| Empty WXT content script (runtime + webextension-polyfill) | reference | — | ${bytes(sizes.emptyContentScript)} | — | |`,
    `| Floor: hand-written script doing only what every GitHub page needs | reference | — | ${bytes(sizes.floorContentScript)} | — | |`,
    `| Button floor: the floor plus one shadow-root button in the header of issue and PR pages | reference | — | ${bytes(sizes.buttonFloorContentScript)} | — | |`,
    `| Popup JS (scripts popup.html loads) | ≤ 70 KB gzip (never > 80) | — | ${bytes(sizes.popupScripts)} | — | ${met(kb(sizes.popupScripts) <= 70)} |`,
    `| Popup reference page JS (one static row, no framework) | reference | — | ${bytes(sizes.popupReferenceScripts)} | — | |`,
  ];
  const scriptRow = (label: string, times: Record<string, PageTimes>, page: string) =>
    `| ${label} | — | ${SCRIPT_LOADS} | ${ms(times[page]?.script.median ?? Number.NaN, 2)} | ${ms(times[page]?.script.p95 ?? Number.NaN, 2)} | |`;
  const median = (times: Record<string, PageTimes>, page: string) => times[page]?.script.median ?? Number.NaN;
  for (const { page, label, target, reference } of scriptPages) {
    const {
      ours = Number.NaN,
      empty = Number.NaN,
      floor: least = Number.NaN,
      buttonFloor: button = Number.NaN,
    } = scriptAdded[page] ?? {};
    lines.push(
      scriptRow(`Script time, ${label}: no extension (baseline)`, without, page),
      scriptRow(`Script time, ${label}: empty WXT content script`, emptyScript, page),
      scriptRow(`Script time, ${label}: floor script`, floor, page),
      scriptRow(`Script time, ${label}: button floor script`, buttonFloor, page),
      scriptRow(`Script time, ${label}: this extension`, withExtension, page),
      `| Script time added, ${label} (difference of medians with the baseline) | ≤ ${target} ms | — | ${ms(ours, 2)} (empty WXT script ${ms(empty, 2)}, floor ${ms(least, 2)}, button floor ${ms(button, 2)}) | — | ${met(ours <= target)} |`,
    );
    if (reference) {
      const over = round(median(withExtension, page) - median(reference.times, page), 2);
      lines.push(
        `| Script time over the ${reference.name}, ${label} (difference of medians) | ≤ ${reference.within} ms | — | ${ms(over, 2)} | — | ${met(over <= reference.within)} |`,
      );
    }
  }
  lines.push(
    row('Header inserted → button present (page load)', 'p95 ≤ 16 ms', onLoad, onLoad.p95 <= 16),
    row('Page swapped → button present (soft navigation)', 'p95 ≤ 16 ms', softNav, softNav.p95 <= 16),
    row(
      `Click → start request at server, worker running; pointer on the button, ${HUMAN_PAUSE_MS} ms pause, click`,
      'median ≤ 30 ms',
      clickPause,
      clickPause.median <= 30,
    ),
    row(
      'Click → start request at server, worker running; click as the pointer arrives',
      'report',
      clickAtOnce,
    ),
    row(
      'Click → start request at server, worker stopped (cold); click as the pointer arrives',
      'report',
      clickCold,
    ),
    row(
      'Caret click → menu shown, first time (UI bundle loaded on the click)',
      'median ≤ 100 ms',
      caret.first,
      caret.first.median <= 100,
    ),
    row('Caret click → menu shown, again', 'median ≤ 16 ms', caret.again, caret.again.median <= 16),
    row('Popup open → first conversation listed (from cache)', 'median ≤ 100 ms', popup, popup.median <= 100),
    row('Reference page open → its one static row shown', 'reference', popupReference),
  );
  const overReference = round(popup.median - popupReference.median, 1);
  lines.push(
    `| Popup first cached row over the reference page (difference of medians) | ≤ 60 ms | — | ${ms(overReference)} | — | ${met(overReference <= 60)} |`,
  );
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  if (REAL_PULL_MISSING) console.log(`skipped: ${REAL_PULL_MISSING}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench-results/bench.md', `${table}\n`);
  console.log('written: bench-results/bench.json, bench-results/bench.md');
}

await main();
