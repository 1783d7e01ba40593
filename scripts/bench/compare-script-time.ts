/**
 * `npx tsx scripts/bench/compare-script-time.ts name=dir [name=dir…]`: script time added by several builds of
 * the extension (e.g. before and after a change), side by side with no extension and the floor and button floor
 * scripts, in one run with loads interleaved. Quicker than `npm run bench` for trying a change to the resident
 * script; the figures of record still come from `npm run bench`. BENCH_SCRIPT_SAMPLES loads per page and browser (10).
 */
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { settleInstallTab } from '../../tests/e2e/support/install-tab.ts';
import { launchBench } from './launch.ts';
import { SCRIPT_TIME_PAGES, settleAfterLoad } from './pages.ts';
import { writeButtonFloorExtension, writeFloorExtension } from './reference-extensions.ts';
import { scriptTimes } from './script-time.ts';
import { round } from './stats.ts';

const LOADS = Number(process.env.BENCH_SCRIPT_SAMPLES ?? 10);

async function launch(extension?: string): Promise<BrowserContext> {
  const context = await launchBench(extension);
  if (extension) await settleInstallTab(context);
  return context;
}

const builds = process.argv.slice(2).map((arg) => {
  const [name = '', dir = ''] = arg.split('=');
  return [name, path.resolve(dir)] as const;
});
const browsers: Record<string, BrowserContext> = { without: await launch() };
browsers.floor = await launch(writeFloorExtension());
browsers.buttonFloor = await launch(writeButtonFloorExtension());
for (const [name, dir] of builds) browsers[name] = await launch(dir);

const pages = SCRIPT_TIME_PAGES;
const times = await scriptTimes(browsers, pages, LOADS, settleAfterLoad);
for (const context of Object.values(browsers)) await context.close();

const without = times.without ?? {};
const rows = Object.entries(times).map(([name, byPage]) => {
  const cells = Object.keys(pages).map((page) => {
    const median = byPage[page]?.script.median ?? Number.NaN;
    const added = median - (without[page]?.script.median ?? Number.NaN);
    return name === 'without' ? `${round(median, 2)}` : `${round(median, 2)} (+${round(added, 2)})`;
  });
  return `| ${name} | ${cells.join(' | ')} |`;
});
console.log(`\nScript time, median of ${LOADS} loads, ms (added over no extension)\n`);
console.log(
  `| build | ${Object.keys(pages).join(' | ')} |\n| --- |${' --- |'.repeat(Object.keys(pages).length)}`,
);
console.log(rows.join('\n'));
