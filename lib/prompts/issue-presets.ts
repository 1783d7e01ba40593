import type { IssueContext } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { customPreset, type PagePreset } from '@/lib/prompts/page-message';

/*
 * The caret menu of an issue page: each entry with the words of the message it sends. Its label and description
 * are the user's language (read when shown); the message is the agent's task, in English.
 */

function readIssue({ number, repository }: IssueContext): string {
  return `Read the issue description below and the issue's comments on GitHub (\`gh issue view ${number} --repo ${repository} --comments\`, or the GitHub API \`GET /repos/${repository}/issues/${number}/comments\`): later comments may change the request.`;
}

const solve: PagePreset<IssueContext, 'solve'> = {
  id: 'solve',
  get label() {
    return t('presets.issue.solve.label');
  },
  get description() {
    return t('presets.issue.solve.description');
  },
  template: (context) => ({
    task: 'Solve GitHub',
    access: 'write',
    steps: [
      readIssue(context),
      'Find the relevant code and reproduce the problem, with a failing test where practical.',
      "Make the smallest change that solves it, add or update tests, and run the project's tests and linters.",
      `Commit, push your branch and open a pull request whose description explains the change and says "Fixes #${context.number}".`,
    ],
    note: 'If the issue is unclear or cannot be solved as asked, stop and explain why instead of guessing.',
  }),
};

const investigate: PagePreset<IssueContext, 'investigate'> = {
  id: 'investigate',
  get label() {
    return t('presets.issue.investigate.label');
  },
  get description() {
    return t('presets.issue.investigate.description');
  },
  template: (context) => ({
    task: 'Investigate GitHub',
    access: 'read',
    steps: [
      readIssue(context),
      'Reproduce the problem if you can, and find the root cause: name the files, functions and lines involved.',
      'Report: what happens and why; how you reproduced it (or why you could not); one or more ways to fix it, with trade-offs and the tests you would add; open questions for the maintainers.',
    ],
  }),
};

/** The menu's order; the first is what a plain click sends. */
export const ISSUE_PRESETS = [solve, investigate, customPreset(solve)] as const;

export type IssuePresetId = (typeof ISSUE_PRESETS)[number]['id'];
