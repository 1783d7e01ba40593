import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOneSize, LARGE_OCTICONS, octiconSizes } from '@/scripts/build/octicon-sizes';

const ICONS = join(dirname(createRequire(import.meta.url).resolve('@primer/octicons-react')), 'icons');
const iconPath = (name: string) => join(ICONS, `${name}.mjs`);
const read = (name: string) => readFileSync(iconPath(name), 'utf8');
/** The `d` attributes of the drawing at `height` px in an icon module. */
const drawing = (code: string, height: string) =>
  [...(code.split(`\t"${height}": {`)[1]?.split('\n\t}')[0] ?? '').matchAll(/d: "([^"]+)"/g)].map(
    (m) => m[1],
  );

describe('octiconSizes', () => {
  it.each(['GearIcon', 'SyncIcon', 'KeyIcon'])(
    'should keep %s’s drawing at the size the popup uses, unchanged',
    (name) => {
      const code = read(name);
      const keep = LARGE_OCTICONS.has(name) ? '24' : '16';
      const drop = keep === '16' ? '24' : '16';

      const actual = octiconSizes().transform(code, iconPath(name)) ?? '';

      expect(actual).toContain(`var heights = ["${keep}"];`);
      expect(drawing(actual, keep)).toEqual(drawing(code, keep));
      expect(drawing(actual, keep).length).toBeGreaterThan(0);
      expect(actual).not.toContain(`\t"${drop}": {`);
    },
  );

  it('should leave other modules, and icon modules of an unexpected shape, alone', () => {
    expect(octiconSizes().transform('export const a = 1;', '/src/a.ts')).toBeNull();
    expect(keepOneSize('var heights = ["16"]; var svgDataByHeight = {};', '16')).toBeNull();
  });
});
