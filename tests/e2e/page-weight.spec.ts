import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EXTENSION_PATH } from './support/chromium.ts';

/*
 * What the built pages load, read from the build itself (no browser needed). Issue 11: the popup's JavaScript
 * stays within 80 KB gzip in total, which rules out zod classic in any page (~20 KB gzip; zod/mini instead).
 */

const PAGES = ['popup', 'options', 'compose'] as const;
/** The popup's hard limit, gzip, in bytes. */
const POPUP_JS_LIMIT = 80_000;

/** Every script a page loads: its module and the chunks it preloads. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(path.join(EXTENSION_PATH, `${page}.html`), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(([, file = '']) => file);
}

const read = (file: string) => readFileSync(path.join(EXTENSION_PATH, file));

/** Markers of zod classic: its `ZodType` constructor name and the English messages it installs. */
const hasZodClassic = (code: string) =>
  /[`'"]ZodType[`'"]/.test(code) || code.includes('Invalid input: expected');

test('should load at most 80 KB of gzipped JavaScript in the popup', () => {
  const scripts = scriptsOf('popup');
  const gzipped = scripts.map((file) => gzipSync(read(file), { level: 9 }).length);
  const total = gzipped.reduce((sum, size) => sum + size, 0);
  test.info().annotations.push({ type: 'popup JavaScript', description: `${total} B gzip` });

  expect(scripts.length).toBeGreaterThan(1);
  expect(total).toBeLessThanOrEqual(POPUP_JS_LIMIT);
});

for (const page of PAGES) {
  test(`should keep zod classic out of the ${page} page`, () => {
    const offenders = scriptsOf(page).filter((file) => hasZodClassic(read(file).toString()));
    expect(offenders).toEqual([]);
  });
}

test('should recognise zod classic where it is (the background’s API schemas)', () => {
  expect(hasZodClassic(read('background.js').toString())).toBe(true);
});
