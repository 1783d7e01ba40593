import type { IssueContext } from '@/lib/github/context';
import type { IssuePresetId } from '@/lib/prompts/presets';
import type { Access } from '@/lib/prompts/sections';

/** What a preset asks for: the opening verb, whether it may push, the numbered steps and a closing note. */
export type Template = { task: string; access: Access; steps: string[]; note?: string };

function readIssue({ number, repository }: IssueContext): string {
  return `Read the issue description below and the issue's comments on GitHub (\`gh issue view ${number} --repo ${repository} --comments\`, or the GitHub API \`GET /repos/${repository}/issues/${number}/comments\`): later comments may change the request.`;
}

export const issueTemplates: Record<Exclude<IssuePresetId, 'custom'>, (context: IssueContext) => Template> = {
  solve: (context) => ({
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
  investigate: (context) => ({
    task: 'Investigate GitHub',
    access: 'read',
    steps: [
      readIssue(context),
      'Reproduce the problem if you can, and find the root cause: name the files, functions and lines involved.',
      'Report: what happens and why; how you reproduced it (or why you could not); one or more ways to fix it, with trade-offs and the tests you would add; open questions for the maintainers.',
    ],
  }),
};
