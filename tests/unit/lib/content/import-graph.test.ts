import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RESIDENT = 'entrypoints/github-resident.ts';
const UI = 'entrypoints/github-ui.ts';
const THREADS = 'entrypoints/github-threads.ts';
/** Runtime imports only: `import type` and `import { type X }`-only lines are erased by the compiler. */
const IMPORT = /^import\s+(?!type\s)(?<names>[^'"]*?)\s*from\s*'(?<source>[^']+)';/gm;

function resolveModule(from: string, source: string): string | null {
  if (!source.startsWith('@/') && !source.startsWith('.')) return null;
  const base = source.startsWith('@/') ? resolve(source.slice(2)) : resolve(dirname(from), source);
  const file = base.replace(/\?inline$/, '');
  const candidates = [file, `${file}.ts`, `${file}/index.ts`];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** Every package and every local file (stylesheets too) a script's runtime import graph reaches. */
function importGraph(entry: string): { packages: string[]; files: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
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
  return { packages: [...packages].sort(), files: [...seen].map((file) => relative('.', file)).sort() };
}

describe('the resident GitHub script (it runs on every GitHub page)', () => {
  it('should reach no package at all, but WXT’s identity function that marks the entrypoint', () => {
    expect(importGraph(RESIDENT).packages).toEqual(['wxt/utils/define-unlisted-script']);
    expect(importGraph('lib/content/resident/index.ts').packages).toEqual([]);
  });

  it('should stay inside lib/content/resident, but for its forge’s gate, anchor and landmarks and the command’s name', () => {
    const outside = importGraph(RESIDENT).files.filter(
      (file) => file !== RESIDENT && !file.startsWith('lib/content/resident/'),
    );

    // The keyboard command's global, shared with the background (lib/protocol/commands.ts), and what the resident
    // needs of its forge (lib/forges/github/resident.ts): the URL gate, where the button goes, the landmarks
    expect(outside.sort()).toEqual(
      [
        'lib/forges/github/anchor.ts',
        'lib/forges/github/gate.ts',
        'lib/forges/github/resident.ts',
        'lib/forges/github/selectors.ts',
        'lib/protocol/commands.ts',
      ].sort(),
    );
  });
});

describe('the review threads’ buttons (loaded on PR pages with threads)', () => {
  it('should reach no package, nor the UI, prompts or words modules', () => {
    const { packages, files } = importGraph(THREADS);

    expect(packages).toEqual(['wxt/utils/define-unlisted-script']);
    expect(files.filter((file) => /^lib\/(content\/ui|prompts|i18n|protocol)\//.test(file))).toEqual([]);
  });
});

describe('the on-demand GitHub UI bundle', () => {
  it('should reach neither zod nor React at run time', () => {
    // '#i18n' and '@wxt-dev/browser' are the words (lib/i18n): a getMessage wrapper and `globalThis.browser`
    expect(importGraph(UI).packages).toEqual([
      '#i18n',
      '#imports',
      '@wxt-dev/browser',
      'github-url-detection',
    ]);
  });
});
