import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The real github.com pages of ../shared/github-real (verbatim, captured 2025–2026; see its README): data from
 * elsewhere, never committed. Tests read them from beside this repository when they are there, and skip, saying
 * so, when they are not: a clone of this repository alone passes its tests without them.
 */

export const GITHUB_REAL_DIR = path.resolve(process.env.GITHUB_REAL_DIR ?? '../shared/github-real');

/** Why the real-page lane skips, or null when the pages are here. */
export const GITHUB_REAL_MISSING = existsSync(GITHUB_REAL_DIR)
  ? null
  : `${GITHUB_REAL_DIR} is not beside this repository: the real GitHub page lane is skipped`;

/** What a real page is and what the extension must make of it. */
export type RealPage = {
  file: string;
  /** The URL it was served at. */
  url: string;
  kind: 'issue' | 'pull' | 'other';
  /** What a click on the button sends (issue and PR pages). */
  expected?: { repository: string; number: number; title: string; branch?: string };
};

export const REAL_PAGES: readonly RealPage[] = [
  {
    file: 'issue-react-diffplug-selfie-523-2025-09-05.html',
    url: 'https://github.com/diffplug/selfie/issues/523',
    kind: 'issue',
    expected: { repository: 'diffplug/selfie', number: 523, title: '[jvm] docs for VCR' },
  },
  {
    file: 'pr-conversation-diffplug-selfie-517-2025-09-05.html',
    url: 'https://github.com/diffplug/selfie/pull/517',
    kind: 'pull',
    expected: {
      repository: 'diffplug/selfie',
      number: 517,
      title: 'Add "VCR" functionality',
      branch: 'feat/sequence-record',
    },
  },
  {
    file: 'pr-conversation-react-ArcReel-1817-2026-08-12.html',
    url: 'https://github.com/ArcReel/ArcReel/pull/1817',
    kind: 'pull',
    expected: {
      repository: 'ArcReel/ArcReel',
      number: 1817,
      title: 'feat(助手): 改写消息时支持新增图片',
      branch: 'issue/1813',
    },
  },
  {
    file: 'pr-files-classic-ArcReel-1817-2026-08-12.html',
    url: 'https://github.com/ArcReel/ArcReel/pull/1817/files',
    kind: 'pull',
    expected: {
      repository: 'ArcReel/ArcReel',
      number: 1817,
      title: 'feat(助手): 改写消息时支持新增图片',
      branch: 'issue/1813',
    },
  },
  {
    file: 'other-commit-page-hetrank-PULL-PANDA-c03877c-2025-11-05.html',
    url: 'https://github.com/hetrank/PULL-PANDA/commit/c03877c',
    kind: 'other',
  },
];

export function readRealPage(page: RealPage): string {
  return readFileSync(path.join(GITHUB_REAL_DIR, page.file), 'utf8');
}
