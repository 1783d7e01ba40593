import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The page each fixture in tests/fixtures/github stands for (see its README). */
export const FIXTURE_URLS = {
  issue: 'https://github.com/octo-org/hello-world/issues/42',
  pull: 'https://github.com/octo-org/hello-world/pull/7',
  'pull-fork': 'https://github.com/octo-org/hello-world/pull/8',
  'pull-legacy': 'https://github.acme.example/platform/billing-service/pull/15',
  'issue-no-landmarks': 'https://github.com/octo-org/hello-world/issues/51',
  'pull-files': 'https://github.com/octo-org/hello-world/pull/9/files',
  'issue-late-header': 'https://github.com/octo-org/hello-world/issues/60',
  'pull-files-threads': 'https://github.com/octo-org/hello-world/pull/7/files',
  'pull-timeline-threads': 'https://github.com/octo-org/hello-world/pull/7',
  'pull-legacy-files-threads': 'https://github.acme.example/platform/billing-service/pull/15/files',
  'pull-react-automated': 'https://github.com/octo-org/hello-world/pull/12',
} as const;

/** `pull-legacy*` stand for GitHub Enterprise Server pages: its host counts as GitHub only when enabled. */
export const FIXTURE_HOSTS = { enterpriseHosts: ['github.acme.example'] } as const;

export type FixtureName = keyof typeof FIXTURE_URLS;

export const FIXTURE_NAMES = Object.keys(FIXTURE_URLS) as FixtureName[];

/** Parses a saved page the way a content script sees it before any page script runs. */
export function loadFixture(name: FixtureName): Document {
  const html = readFileSync(resolve('tests/fixtures/github', `${name}.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
