import type { IssueContext, PullContext } from '@/lib/forges/page-data';

const HELLO = { owner: 'octo-org', repo: 'hello-world', repository: 'octo-org/hello-world' } as const;

export const ISSUE: IssueContext = {
  kind: 'issue',
  ...HELLO,
  number: 42,
  title: 'Fix crash on startup',
  url: 'https://github.com/octo-org/hello-world/issues/42',
  body: 'The app exits immediately when the config file is empty.',
};

export const PULL: PullContext = {
  kind: 'pull',
  ...HELLO,
  number: 7,
  title: 'Fix login redirect loop',
  url: 'https://github.com/octo-org/hello-world/pull/7',
  body: 'Clear the stale session cookie before redirecting.',
  pr: {
    headRepository: 'octo-org/hello-world',
    headBranch: 'feature/login-fix',
    baseBranch: 'main',
    isFork: false,
  },
};

export const FORK_PULL: PullContext = {
  kind: 'pull',
  ...HELLO,
  number: 8,
  title: 'Add Spanish translation',
  url: 'https://github.com/octo-org/hello-world/pull/8',
  body: 'Adds locales/es.json.',
  pr: { headRepository: 'contributor/hello-world', headBranch: 'patch-1', baseBranch: 'main', isFork: true },
};

/** A PR whose page showed no head branch (e.g. a deleted fork). */
export const PULL_WITHOUT_BRANCH: PullContext = {
  kind: 'pull',
  ...HELLO,
  number: 5,
  title: 'Tweak',
  url: 'https://github.com/octo-org/hello-world/pull/5',
  body: '',
};
