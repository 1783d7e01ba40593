import type { PageContext, PullContext } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { markedSection } from '@/lib/prompts/quote';
import { trimBody } from '@/lib/prompts/trim';

/*
 * What every issue and PR message is made of, around the words of its preset: the heading, the branch the agent
 * works on, the task, and the page's description. Plain TS (no zod): the GitHub content script builds messages.
 */

/** Whether the task may push commits (`write`) or only reads and reports (`read`). */
export type Access = 'write' | 'read';

/** A preset's own words: the opening verb, whether it may push, the numbered steps and a closing note. */
export type Template = { task: string; access: Access; steps: string[]; note?: string };

/** A caret-menu entry and the message it sends. `label` and `description` are read in the user's language. */
export type PagePreset<Context extends PageContext, Id extends string = string> = {
  readonly id: Id;
  readonly label: string;
  readonly description: string;
  readonly template: (context: Context) => Template;
};

/** The last entry of each menu: opens the editor pre-filled with the message of `from` (the default preset). */
export function customPreset<Context extends PageContext>(
  from: PagePreset<Context>,
): PagePreset<Context, 'custom'> {
  return {
    id: 'custom',
    get label() {
      return t('presets.custom.label');
    },
    get description() {
      return t('presets.custom.description');
    },
    template: from.template,
  };
}

/** `Issue` or `Pull request`. */
function pageName(context: PageContext): string {
  return context.kind === 'issue' ? 'Issue' : 'Pull request';
}

/** First lines: the task in one sentence, then the link. */
function heading(context: PageContext, task: string): string {
  const title = context.title ? `: "${context.title}"` : '';
  const name = pageName(context);
  return `${task} ${name.toLowerCase()} #${context.number} in ${context.repository}${title}.\n${name}: ${context.url}`;
}

function checkoutPullHead(context: PullContext): string {
  const local = `pr-${context.number}`;
  return `    git fetch origin pull/${context.number}/head:${local} && git checkout ${local}`;
}

function pullBranch(context: PullContext, access: Access): string {
  const { pr, number, repository } = context;
  if (pr && !pr.isFork) {
    const into = pr.baseBranch ? ` (it merges into \`${pr.baseBranch}\`)` : '';
    const push = `Commit and push to this branch so that PR #${number} updates; don't open a new pull request.`;
    return `You are on the PR's head branch \`${pr.headBranch}\`${into}.${access === 'write' ? ` ${push}` : ''}`;
  }
  const source = pr
    ? `This PR comes from a fork: its head is \`${pr.headRepository.split('/')[0]}:${pr.headBranch}\` (repository ${pr.headRepository}), which does not exist in ${repository}.`
    : "The page didn't show the PR's head branch.";
  const merges = pr?.baseBranch ? ` The PR merges into \`${pr.baseBranch}\`.` : '';
  const lines = [
    `${source}${merges} You start on the default branch, so first fetch the PR's head and work there:`,
    checkoutPullHead(context),
  ];
  if (access === 'write' && pr) {
    lines.push(
      `You may not be able to push to the fork. If pushing fails, push your commits to a new branch in ${repository} (e.g. \`openhands/pr-${number}\`) and say so in your summary.`,
    );
  } else if (access === 'write') {
    lines.push(
      `Find the head branch with the GitHub API (\`head.ref\` of the PR) and push your commits to it.`,
    );
  }
  return lines.join('\n');
}

/** Which branch the agent starts on, and where its work goes. */
export function branchSection(context: PageContext, access: Access): string {
  if (context.kind === 'pull') return pullBranch(context, access);
  const work =
    access === 'write'
      ? ` Create a new branch for your work (e.g. \`openhands/issue-${context.number}\`).`
      : " Don't commit, push or open a pull request: this task only reports.";
  return `You are on the repository's default branch.${work}`;
}

/** The page's description between markers, trimmed, and fenced off as information rather than orders. */
function descriptionSection(context: PageContext): string {
  const name = `${pageName(context)} #${context.number} description`;
  const body = context.body ? trimBody(context.body, context.url) : '(No description on the page.)';
  return markedSection(name, body);
}

/**
 * The task message for a coding agent: what to do (from `template`), the URL and title, which branch it is on
 * and where to push, and the page's description (trimmed, with a note).
 */
export function pageMessage(context: PageContext, { task, access, steps, note }: Template): string {
  const numbered = steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  return [
    heading(context, task),
    branchSection(context, access),
    `Your task:\n${numbered}${note ? `\n${note}` : ''}`,
    descriptionSection(context),
  ].join('\n\n');
}
