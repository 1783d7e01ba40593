// @vitest-environment node
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDORED_SPEC_DIR } from '../../support/openhands-server/spec-files.ts';

/** `file name → sha256` from the README's table rows: | `name.json` | … | `<64 hex>` |. */
function readmeHashes(): Map<string, string> {
  const readme = readFileSync(path.join(VENDORED_SPEC_DIR, 'README.md'), 'utf8');
  const rows = readme.matchAll(/^\| `([^`]+\.json)` \|.*\| `([0-9a-f]{64})` \|$/gm);
  return new Map([...rows].map(([, file, hash]) => [file as string, hash as string]));
}

const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(VENDORED_SPEC_DIR, file)))
    .digest('hex');

describe('vendored OpenAPI files (tests/contract/openapi)', () => {
  const hashes = readmeHashes();

  it('the README gives a sha256 for every vendored file, and only for those', () => {
    const files = readdirSync(VENDORED_SPEC_DIR).filter((name) => name.endsWith('.json'));
    expect([...hashes.keys()].sort()).toEqual(['V0_openapi.json', 'openhands-cloud.json']);
    expect(files.sort()).toEqual([...hashes.keys()].sort());
  });

  it.each(['openhands-cloud.json', 'V0_openapi.json'])('%s is byte for byte the published file', (file) => {
    expect(sha256(file)).toBe(hashes.get(file));
  });
});
