import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Guards for "one home per concept" that a type checker cannot see: which module may spell out Cloud's
 * address, and that the errors modules import each other one way only.
 */

const ROOT = resolve('.');

/** Every TypeScript source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(dir, file));
}

/** `@/lib/...` and relative imports of `file`, type-only ones included, as paths relative to the root. */
function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/gm)].flatMap(([, source = '']) => {
    if (source.startsWith('@/')) return [`${source.slice(2)}.ts`];
    if (source.startsWith('.')) return [`${relative(ROOT, resolve(ROOT, file, '..', source))}.ts`];
    return [];
  });
}

/** The first import cycle among `files` (following only imports between them), or null. */
function findCycle(files: string[], importsOf = localImports): string[] | null {
  const inGroup = new Set(files);
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | null => {
    if (path.includes(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file)) return null;
    for (const next of importsOf(file).filter((f) => inGroup.has(f))) {
      const cycle = visit(next, [...path, file]);
      if (cycle) return cycle;
    }
    done.add(file);
    return null;
  };
  for (const file of files) {
    const cycle = visit(file, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('one home per concept', () => {
  it('should spell out OpenHands Cloud’s address only in lib/server/origin.ts', () => {
    const files = [...sources('lib'), ...sources('components'), ...sources('entrypoints'), 'wxt.config.ts'];
    const offenders = files.filter(
      (file) =>
        file !== join('lib', 'server', 'origin.ts') &&
        readFileSync(join(ROOT, file), 'utf8').includes('app.all-hands.dev'),
    );

    expect(offenders).toEqual([]);
  });

  it('should have no import cycle in lib/errors, type-only imports included', () => {
    expect(findCycle(sources(join('lib', 'errors')))).toBeNull();
  });

  it('should see imports, type-only ones included, and the cycles they make (the check itself works)', () => {
    expect(localImports(join('lib', 'errors', 'messages.ts'))).toContain(join('lib', 'errors', 'codes.ts'));
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
    expect(findCycle(['d', 'a', 'b', 'c'], (file) => graph[file] ?? [])).toEqual(['a', 'b', 'c', 'a']);
  });
});
