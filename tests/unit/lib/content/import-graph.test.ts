import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = 'entrypoints/github.content/index.ts';
/** Runtime imports only: `import type` and `import { type X }`-only lines are erased by the compiler. */
const IMPORT = /^import\s+(?!type\s)(?<names>[^'"]*?)\s*from\s*'(?<source>[^']+)';/gm;

function resolveModule(from: string, source: string): string | null {
  if (!source.startsWith('@/') && !source.startsWith('.')) return null;
  const base = source.startsWith('@/') ? resolve(source.slice(2)) : resolve(dirname(from), source);
  const file = base.replace(/\?inline$/, '');
  return [file, `${file}.ts`, `${file}/index.ts`].find((candidate) => existsSync(candidate)) ?? null;
}

/** Every package the content script's runtime import graph reaches, by walking the source. */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.endsWith('.ts')) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const { names = '', source = '' } = match.groups ?? {};
      // `{ type A, type B }` brings nothing at run time
      if (
        /^\{[^}]*\}$/.test(names) &&
        names
          .slice(1, -1)
          .split(',')
          .every((n) => /^\s*type\s/.test(n) || !n.trim())
      )
        continue;
      const local = resolveModule(file, source);
      if (local) visit(local);
      else if (!source.startsWith('@/') && !source.startsWith('.')) packages.add(source);
    }
  };
  visit(resolve(entry));
  return packages;
}

describe('the GitHub content script', () => {
  it('should reach neither zod nor React at run time (it runs on every GitHub page)', () => {
    const actual = [...packagesReached(ENTRY)].sort();

    expect(actual).toEqual(['#imports', 'github-url-detection']);
  });
});
