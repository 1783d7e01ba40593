import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering of the code (issue 11, issue 18; the README's "Layout" shows it): each file says by its folder
 * which context it runs in (background, content, pages) above the shared domain modules, and nothing imports
 * upward or sideways. The domain is one stack, bottom first: a folder imports only itself and folders below it.
 * (The resident script's own import graph, which must reach no package, is guarded in
 * tests/unit/lib/content/import-graph.test.ts.)
 */

const ROOT = resolve('.');

/** The domain folders of lib/, bottom first: each may import only itself and those before it. */
const DOMAIN_STACK = [
  'i18n',
  'schema',
  'server',
  'errors',
  'openhands',
  'forges',
  'conversations',
  'prompts',
  'storage',
  'protocol',
] as const;
const CONTEXTS = ['background', 'content', 'pages'] as const;

type Layer = (typeof CONTEXTS)[number] | `domain:${(typeof DOMAIN_STACK)[number]}` | 'other';

/** Which layer a file (a path relative to the root) belongs to. */
function layerOf(file: string): Layer {
  const path = file.split('\\').join('/');
  if (/^lib\/background\//.test(path) || path === 'entrypoints/background.ts') return 'background';
  if (/^lib\/content\//.test(path) || /^entrypoints\/github-(resident|ui)\.ts$/.test(path)) return 'content';
  if (/^(components|entrypoints\/(popup|options|compose))\//.test(path)) return 'pages';
  const folder = /^lib\/([^/]+)\//.exec(path)?.[1];
  const domain = DOMAIN_STACK.find((name) => name === folder);
  return domain ? `domain:${domain}` : 'other';
}

const level = (layer: Layer) => DOMAIN_STACK.indexOf(layer.slice('domain:'.length) as never);

/** Whether a file of layer `from` may import one of layer `to`. */
function mayImport(from: Layer, to: Layer): boolean {
  const isContext = (layer: Layer) => (CONTEXTS as readonly string[]).includes(layer);
  if (from.startsWith('domain:'))
    return to === 'other' || (to.startsWith('domain:') && level(to) <= level(from));
  if (isContext(from)) return to === from || !isContext(to);
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

  it('should keep the domain one stack free of contexts, and each context (background, content, pages) to itself', () => {
    expect(violations(files)).toEqual([]);
  });

  it('should place every folder of lib/ in the stack or among the contexts', () => {
    const folders = readdirSync(join(ROOT, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(
      folders.filter((name) => ![...DOMAIN_STACK, 'background', 'content'].includes(name as never)),
    ).toEqual([]);
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
    expect(layerOf('lib/openhands/client.ts')).toBe('domain:openhands');
    expect(layerOf('components/popup/PopupApp.tsx')).toBe('pages');
    expect(mayImport('domain:openhands', 'background')).toBe(false);
    expect(mayImport('domain:openhands', 'domain:conversations')).toBe(false);
    expect(mayImport('domain:conversations', 'domain:openhands')).toBe(true);
    expect(mayImport('domain:storage', 'domain:storage')).toBe(true);
    expect(mayImport('content', 'pages')).toBe(false);
    expect(mayImport('pages', 'pages')).toBe(true);
    expect(mayImport('background', 'domain:protocol')).toBe(true);
    expect(importsOf(join('lib', 'content', 'resident', 'dom.ts')).local).toContain(
      join('lib', 'content', 'resident', 'styles', 'base.css'),
    );
  });
});
