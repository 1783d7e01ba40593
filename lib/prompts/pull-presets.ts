import type { PullContext } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { customPreset, type PagePreset } from '@/lib/prompts/page-message';

/*
 * The caret menu of a PR page: each entry with the words of the message it sends. Its label and description are
 * the user's language (read when shown); the message is the agent's task, in English.
 */

function base(context: PullContext): string {
  return context.pr?.baseBranch ?? '<base branch>';
}

function readComments({ number, repository }: PullContext): string {
  return `Read every review and comment on PR #${number} (\`gh pr view ${number} --repo ${repository} --comments\`, or the GitHub API: \`GET /repos/${repository}/pulls/${number}/reviews\`, \`/pulls/${number}/comments\` and \`/issues/${number}/comments\`).`;
}

const addressReview: PagePreset<PullContext, 'address-review'> = {
  id: 'address-review',
  get label() {
    return t('presets.pull.addressReview.label');
  },
  get description() {
    return t('presets.pull.addressReview.description');
  },
  template: (context) => ({
    task: 'Address the review comments on GitHub',
    access: 'write',
    steps: [
      `${readComments(context)} Skip threads that are resolved or outdated.`,
      'For each remaining comment, make the requested change. If you disagree with one, leave the code as it is and explain why in your summary.',
      'Run the tests and linters, then commit and push.',
      'Finish with a summary that lists each comment and what you did about it.',
    ],
  }),
};

const fixChecks: PagePreset<PullContext, 'fix-checks'> = {
  id: 'fix-checks',
  get label() {
    return t('presets.pull.fixChecks.label');
  },
  get description() {
    return t('presets.pull.fixChecks.description');
  },
  template: ({ number, repository }) => ({
    task: 'Fix the failing checks of GitHub',
    access: 'write',
    steps: [
      `List the checks of the PR's latest commit (\`gh pr checks ${number} --repo ${repository}\`, or the GitHub API \`GET /repos/${repository}/commits/<head sha>/check-runs\`) and read the logs of each failing one.`,
      'Reproduce each failure locally with the command CI runs.',
      'Fix the causes in the code (never by skipping or weakening tests), and run the commands again until they pass.',
      'Commit and push, then summarise what failed and what you changed.',
    ],
    note: 'If a failure is unrelated to this PR (a flaky test, CI infrastructure), say so instead of changing unrelated code.',
  }),
};

const resolveConflicts: PagePreset<PullContext, 'resolve-conflicts'> = {
  id: 'resolve-conflicts',
  get label() {
    return t('presets.pull.resolveConflicts.label');
  },
  get description() {
    return t('presets.pull.resolveConflicts.description');
  },
  template: (context) => ({
    task: 'Resolve the merge conflicts of GitHub',
    access: 'write',
    steps: [
      `Merge the base branch into the PR: \`git fetch origin ${base(context)} && git merge origin/${base(context)}\` (merge, don't rebase, so the review history stays intact).`,
      "Resolve each conflict keeping the intent of both sides; read the PR description and the base branch's recent commits when unsure.",
      'Run the build and tests, fix what the merge broke, and commit the merge.',
      'Push, then summarise each conflict and how you resolved it.',
    ],
  }),
};

const review: PagePreset<PullContext, 'review'> = {
  id: 'review',
  get label() {
    return t('presets.pull.review.label');
  },
  get description() {
    return t('presets.pull.review.description');
  },
  template: (context) => ({
    task: 'Review and explain GitHub',
    access: 'read',
    steps: [
      `Read the description below, the PR's comments, and the full diff against the base (\`git diff origin/${base(context)}...HEAD\`). This is read-only: don't commit, push or comment on GitHub.`,
      'Explain what the PR changes and why, walking through the main changes file by file.',
      'Point out bugs, edge cases, security or performance risks, missing tests and unclear code, each with its file and line.',
      'End with a verdict (ready to merge, or needs changes) and the most important suggestions.',
    ],
  }),
};

/** The menu's order; the first is what a plain click sends. */
export const PULL_PRESETS = [
  addressReview,
  fixChecks,
  resolveConflicts,
  review,
  customPreset(addressReview),
] as const;

export type PullPresetId = (typeof PULL_PRESETS)[number]['id'];
