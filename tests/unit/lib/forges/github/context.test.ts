import { describe, expect, it } from 'vitest';
import { extractPageContext } from '@/lib/forges/github/context';
import type { PageContext } from '@/lib/forges/page-data';
import { pageContextSchema } from '@/tests/support/context-schema';
import { FIXTURE_HOSTS, FIXTURE_URLS, type FixtureName, loadFixture } from './fixtures';

const HELLO = { owner: 'octo-org', repo: 'hello-world', repository: 'octo-org/hello-world' } as const;

const EXPECTED: Record<FixtureName, PageContext> = {
  issue: {
    kind: 'issue',
    ...HELLO,
    number: 42,
    title: 'Fix crash on startup',
    url: 'https://github.com/octo-org/hello-world/issues/42',
    body: [
      '### Steps to reproduce',
      '',
      '1. Install `hello-world` 2.3.0',
      '2. Run `hello --config ./empty.toml`',
      '',
      'The app exits immediately with:',
      '',
      '```',
      "TypeError: Cannot read properties of undefined (reading 'port')",
      '    at loadConfig (src/config.ts:18:22)',
      '```',
      '',
      '- [x] Reproduced on macOS',
      '- [ ] Reproduced on Linux',
      '',
      'Expected: start with the default port 8080.',
    ].join('\n'),
  },
  pull: {
    kind: 'pull',
    ...HELLO,
    number: 7,
    title: 'Fix login redirect loop',
    url: 'https://github.com/octo-org/hello-world/pull/7',
    body: [
      'Follow-up to #42: users with an expired session were sent back to `/login` forever.',
      '',
      '## Changes',
      '',
      '- Clear the stale `session_id` cookie before redirecting',
      '- Add a regression test in `tests/auth.test.ts`',
    ].join('\n'),
    pr: {
      headRepository: 'octo-org/hello-world',
      headBranch: 'feature/login-fix',
      baseBranch: 'main',
      isFork: false,
    },
  },
  'pull-fork': {
    kind: 'pull',
    ...HELLO,
    number: 8,
    title: 'Add Spanish translation',
    url: 'https://github.com/octo-org/hello-world/pull/8',
    body: "Adds `locales/es.json` with all 112 strings.\n\nI'm a native speaker; please double-check the date formats.",
    pr: {
      headRepository: 'contributor/hello-world',
      headBranch: 'patch-1',
      baseBranch: 'main',
      isFork: true,
    },
  },
  'pull-legacy': {
    kind: 'pull',
    owner: 'platform',
    repo: 'billing-service',
    repository: 'platform/billing-service',
    number: 15,
    title: 'Bump parser to 2.0',
    url: 'https://github.acme.example/platform/billing-service/pull/15',
    body: [
      'Upgrades `fastparse` from 1.4 to 2.0.',
      '',
      'Breaking changes handled:',
      '- `parse()` now returns a result object',
      '- removed the deprecated `strict` flag',
    ].join('\n'),
    pr: {
      headRepository: 'platform/billing-service',
      headBranch: 'deps/parser-2.0',
      baseBranch: 'main',
      isFork: false,
    },
  },
  'issue-no-landmarks': {
    kind: 'issue',
    ...HELLO,
    number: 51,
    title: 'Docs: broken link in README',
    url: 'https://github.com/octo-org/hello-world/issues/51',
    body: 'The "Contributing" link in `README.md` points to a page that no longer exists.\n\nIt should point to `CONTRIBUTING.md` in this repository.',
  },
  'pull-files': {
    kind: 'pull',
    ...HELLO,
    number: 9,
    title: 'Refactor config loader',
    url: 'https://github.com/octo-org/hello-world/pull/9',
    body: '',
    pr: { headRepository: 'octo-org/hello-world', headBranch: 'refactor/config-loader#2', isFork: false },
  },
  'issue-late-header': {
    kind: 'issue',
    ...HELLO,
    number: 60,
    title: 'Add dark mode to settings page',
    url: 'https://github.com/octo-org/hello-world/issues/60',
    body: 'The settings page ignores the system theme and is always light.\n\nFollow `prefers-color-scheme`, like the rest of the app.',
  },
  // The review-thread fixtures carry the PR header too, so the PR button still mounts there
  'pull-files-threads': {
    kind: 'pull',
    ...HELLO,
    number: 7,
    title: 'Fix login redirect loop',
    url: 'https://github.com/octo-org/hello-world/pull/7',
    body: '',
    pr: { headRepository: 'octo-org/hello-world', headBranch: 'feature/login-fix', isFork: false },
  },
  'pull-timeline-threads': {
    kind: 'pull',
    ...HELLO,
    number: 7,
    title: 'Fix login redirect loop',
    url: 'https://github.com/octo-org/hello-world/pull/7',
    body: [
      'Follow-up to #42: users with an expired session were sent back to `/login` forever.',
      '',
      '## Changes',
      '',
      '- Clear the stale `session_id` cookie before redirecting',
      '- Add a regression test in `tests/auth.test.ts`',
    ].join('\n'),
    pr: {
      headRepository: 'octo-org/hello-world',
      headBranch: 'feature/login-fix',
      baseBranch: 'main',
      isFork: false,
    },
  },
  'pull-legacy-files-threads': {
    kind: 'pull',
    owner: 'platform',
    repo: 'billing-service',
    repository: 'platform/billing-service',
    number: 15,
    title: 'Bump parser to 2.0',
    url: 'https://github.acme.example/platform/billing-service/pull/15',
    body: '',
    pr: {
      headRepository: 'platform/billing-service',
      headBranch: 'deps/parser-2.0',
      baseBranch: 'main',
      isFork: false,
    },
  },
  'pull-react-automated': {
    kind: 'pull',
    ...HELLO,
    number: 12,
    // The React view's h1 ends in an sr-only " - #12": the title is its `.markdown-title` alone
    title: 'Cache the session lookup',
    url: 'https://github.com/octo-org/hello-world/pull/12',
    body: 'Looks up the session once per request instead of three times.',
    pr: {
      headRepository: 'octo-org/hello-world',
      headBranch: 'perf/session-cache',
      baseBranch: 'main',
      isFork: false,
    },
  },
};

/** Parses a page body under a GitHub-like `<title>`, for cases no fixture covers. */
function page(title: string, body: string, head = ''): Document {
  const html = `<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractPageContext', () => {
  it.each(Object.entries(EXPECTED) as [FixtureName, PageContext][])('should read %s', (name, expected) => {
    const doc = loadFixture(name);

    const actual = extractPageContext(doc, FIXTURE_URLS[name], FIXTURE_HOSTS);

    expect(actual).toStrictEqual(expected);
  });

  it.each(Object.keys(EXPECTED) as FixtureName[])(
    'should give a context that passes the schema on %s',
    (name) => {
      const actual = pageContextSchema.safeParse(
        extractPageContext(loadFixture(name), FIXTURE_URLS[name], FIXTURE_HOSTS),
      );

      expect(actual.error).toBeUndefined();
    },
  );

  it('should drop the query, hash and PR tab from the url', () => {
    const doc = loadFixture('pull');

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/pull/7/commits?w=1#top');

    expect(actual.url).toBe('https://github.com/octo-org/hello-world/pull/7');
  });

  it("should take the repository's casing from og:url", () => {
    const head = '<meta property="og:url" content="https://github.com/Octo-Org/Hello-World/issues/3">';
    const doc = page('Title · Issue #3 · Octo-Org/Hello-World · GitHub', '', head);

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/issues/3');

    expect(actual).toMatchObject({
      owner: 'Octo-Org',
      repo: 'Hello-World',
      repository: 'Octo-Org/Hello-World',
      url: 'https://github.com/Octo-Org/Hello-World/issues/3',
    });
  });

  it('should ignore an og:url for another page', () => {
    const head = '<meta property="og:url" content="https://github.com/Octo-Org/Hello-World/issues/4">';
    const doc = page('', '', head);

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/issues/3');

    expect(actual.repository).toBe('octo-org/hello-world');
  });

  it('should read the title from document.title when the page shows none', () => {
    const doc = page('Crash caused by parser · Issue #3 · octo-org/hello-world · GitHub', '<main></main>');

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/issues/3');

    expect(actual).toMatchObject({ title: 'Crash caused by parser', body: '' });
  });

  it('should drop the React view’s " - #N" from a title read off its heading', () => {
    const doc = page(
      'GitHub',
      '<main><h1 data-component="PH_Title">Cache the session lookup<span class="sr-only"> - #12</span></h1></main>',
    );

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/pull/12');

    expect(actual.title).toBe('Cache the session lookup');
  });

  it('should leave pr out when the page shows no head branch', () => {
    const doc = page('Tweak by alice · Pull Request #5 · octo-org/hello-world · GitHub', '<main></main>');

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/pull/5');

    expect(actual).toStrictEqual({
      kind: 'pull',
      ...HELLO,
      number: 5,
      title: 'Tweak',
      url: 'https://github.com/octo-org/hello-world/pull/5',
      body: '',
    });
  });

  it("should treat GitHub's empty-description placeholder as no body", () => {
    const body = `<div class="js-discussion"><div class="js-command-palette-pull-body">
      <div class="comment-body js-comment-body"><p class="color-fg-muted"><em>No description provided.</em></p></div>
    </div></div>`;
    const doc = page('', body);

    const actual = extractPageContext(doc, 'https://github.com/octo-org/hello-world/pull/5');

    expect(actual.body).toBe('');
  });

  it('should throw for a page that is not an issue or PR', () => {
    const doc = page('', '');

    const actual = () => extractPageContext(doc, 'https://github.com/octo-org/hello-world');

    expect(actual).toThrow(TypeError);
  });
});
