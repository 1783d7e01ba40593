import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering of lib/ (issue 11): code says by its folder which context it runs in (background, content,
 * pages) above shared domain modules, and nothing imports upward or sideways. (The resident script's own
 * import graph, which must reach no package, is guarded in tests/unit/lib/content/import-graph.test.ts.)
 */

const ROOT = resolve('.');

type Layer = 'background' | 'content' | 'pages' | 'domain' | 'other';

/** Which layer a file (a path relative to the root) belongs to. */
function layerOf(file: string): Layer {
  const path = file.split('\\').join('/');
  if (/^lib\/background\//.test(path) || path === 'entrypoints/background.ts') return 'background';
  if (/^lib\/content\//.test(path) || /^entrypoints\/github-(resident|ui)\.ts$/.test(path)) return 'content';
  if (/^(lib\/pages|components|entrypoints\/(popup|options|compose))\//.test(path)) return 'pages';
  if (/^lib\/(openhands|github|prompts|conversations|storage|errors)\//.test(path)) return 'domain';
  if (
    path === 'lib/protocol/messages.ts' ||
    path === 'lib/protocol/send.ts' ||
    path === 'lib/protocol/commands.ts'
  )
    return 'domain';
  return 'other';
}

/** Whether a file of layer `from` may import one of layer `to`. */
function mayImport(from: Layer, to: Layer): boolean {
  if (from === 'domain') return to === 'domain' || to === 'other';
  if (from === 'background' || from === 'content' || from === 'pages')
    return to === from || (to !== 'background' && to !== 'content' && to !== 'pages');
  return true;
}

/** Every TypeScript source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(dir, file));
}

/** Every module specifier `text` imports or re-exports: static, side-effect, type-only and dynamic. */
function specifiers(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map(([, specifier = '']) => specifier);
}

/** A local specifier as a file relative to the root (`?inline` and the like dropped), or null for a package. */
function resolveLocal(file: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('@/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(file), bare));
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return (
    candidates.find((candidate) => /\.(tsx?|css)$/.test(candidate) && existsSync(join(ROOT, candidate))) ??
    base
  );
}

function importsOf(file: string): { local: string[]; packages: string[] } {
  const local: string[] = [];
  const packages: string[] = [];
  for (const specifier of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
    const resolved = resolveLocal(file, specifier);
    if (resolved === null) packages.push(specifier);
    else local.push(resolved);
  }
  return { local, packages };
}

/** `file → imported file` pairs that break the layering. */
function violations(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .local.filter((target) => !mayImport(layerOf(file), layerOf(target)))
      .map((target) => `${file} (${layerOf(file)}) → ${target} (${layerOf(target)})`),
  );
}

describe('layering', () => {
  const files = [...sources('lib'), ...sources('components'), ...sources('entrypoints')];

  it('should keep domain modules free of contexts, and each context (background, content, pages) to itself', () => {
    expect(violations(files)).toEqual([]);
  });

  it('should see every kind of import, and tell layers apart (the check itself works)', () => {
    const text = [
      "import type { A } from '@/lib/background/a';",
      "export { b } from './b';",
      "import 'side-effect';",
      "const c = await import('@/lib/pages/c');",
      "import {\n  d,\n} from 'zod/mini';",
    ].join('\n');

    expect(specifiers(text).sort()).toEqual(
      ['./b', '@/lib/background/a', '@/lib/pages/c', 'side-effect', 'zod/mini'].sort(),
    );
    expect(layerOf('lib/openhands/client.ts')).toBe('domain');
    expect(mayImport('domain', 'background')).toBe(false);
    expect(mayImport('content', 'pages')).toBe(false);
    expect(mayImport('pages', 'pages')).toBe(true);
    expect(mayImport('background', 'domain')).toBe(true);
    expect(importsOf(join('lib', 'content', 'resident', 'dom.ts')).local).toContain(
      join('lib', 'content', 'resident', 'styles', 'base.css'),
    );
  });
});
