import { describe, expect, it, vi } from 'vitest';
import type { Editor, EditorRequest } from '@/lib/content/ui/overlay/editor';
import { contextSummary, createActions } from '@/lib/content/ui/start/actions';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import type { SendFlow } from '@/lib/content/ui/start/send-flow';
import type { StartInput } from '@/lib/conversations/start-input';
import { githubUiPage } from '../../../../../support/ui-page';
import { FIXTURE_URLS, type FixtureName, loadFixture } from '../../../forges/github/fixtures';
import { FORK_PULL, ISSUE, PULL } from '../../../prompts/contexts';

/** Actions on a fixture, with a flow, an editor and a toast that only record what they are asked. */
function setup(name: FixtureName, options: { busy?: boolean; href?: string; editorOpen?: boolean } = {}) {
  const started: StartInput[] = [];
  const opened: EditorRequest[] = [];
  const notices: ProgressView[] = [];
  const flow: SendFlow = {
    busy: options.busy ?? false,
    start: vi.fn((input: StartInput) => {
      started.push(input);
      return true;
    }),
    stop: vi.fn(),
  };
  const editor: Editor = { open: (request) => opened.push(request), isOpen: options.editorOpen ?? false };
  const caret = document.createElement('button');
  const actions = createActions({
    page: githubUiPage(loadFixture(name), () => options.href ?? FIXTURE_URLS[name]),
    flow,
    editor,
    returnFocus: () => caret,
    notice: (view) => notices.push(view),
  });
  return { actions, started, opened, notices, caret };
}

describe('createActions', () => {
  it('should send the default preset of an issue', () => {
    const { actions, started } = setup('issue');

    actions.runDefault();

    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      repository: 'octo-org/hello-world',
      title: '#42: Fix crash on startup',
    });
    expect(started[0]?.message).toMatch(/^Solve GitHub issue #42/);
  });

  it('should send a chosen PR preset with the head branch', () => {
    const { actions, started } = setup('pull');

    actions.run('review');

    expect(started[0]).toMatchObject({ branch: 'feature/login-fix', prNumber: 7 });
    expect(started[0]?.message).toMatch(/^Review and explain GitHub pull request #7/);
  });

  it('should open the editor with the default message for a custom prompt', () => {
    const { actions, started, opened, caret } = setup('pull-fork');

    actions.run('custom');

    expect(started).toHaveLength(0);
    expect(opened[0]?.message).toMatch(/^Address the review comments on GitHub pull request #8/);
    expect(opened[0]?.summary).toBe(
      'octo-org/hello-world · PR #8 · fork contributor:patch-1 (the agent fetches it)',
    );
    expect(opened[0]?.returnFocus).toBe(caret);
  });

  it('should send what the user wrote in the editor, and refuse an empty message', () => {
    const { actions, started, opened } = setup('issue');
    actions.run('custom');
    const request = opened[0] as EditorRequest;

    expect(request.onSend('  ')).toBe('The message is empty');
    expect(request.onSend('Only add a test.')).toBeNull();
    expect(started.map((input) => input.message)).toEqual(['Only add a test.']);
  });

  it('should do nothing while a start is under way', () => {
    const { actions, started, opened } = setup('issue', { busy: true });

    actions.runDefault();
    actions.run('custom');

    expect(started).toHaveLength(0);
    expect(opened).toHaveLength(0);
  });

  it('should ignore the keyboard command while the custom prompt editor is open', () => {
    const { actions, started, opened, notices } = setup('issue', { editorOpen: true });

    actions.runDefault();

    expect(started).toHaveLength(0);
    expect(opened).toHaveLength(0);
    expect(notices).toHaveLength(0);
  });

  it('should send nothing on pages that are not issues or PRs, and say what to open', () => {
    const { actions, started, notices } = setup('issue', { href: 'https://github.com/octo-org/hello-world' });

    actions.runDefault();

    expect(started).toHaveLength(0);
    expect(notices).toEqual([expect.objectContaining({ tone: 'info' })]);
    expect(notices[0]?.status).toBe('Open an issue or pull request to send it to OpenHands.');
    expect(actions.entries()).toEqual([]);
  });

  it("should leave a running start's toast alone on pages that are not issues or PRs", () => {
    const { actions, notices } = setup('issue', { busy: true, href: 'https://github.com/octo-org' });

    actions.runDefault();

    expect(notices).toHaveLength(0);
  });

  it('should list the presets of the current page, default first', () => {
    const { actions } = setup('pull');

    const actual = actions.entries().map((entry) => [entry.label, entry.isDefault]);

    expect(actual).toEqual([
      ['Address review comments', true],
      ['Fix failing checks', false],
      ['Resolve merge conflicts', false],
      ['Review and explain', false],
      ['Custom prompt…', false],
    ]);
  });
});

describe('contextSummary', () => {
  it.each([
    [ISSUE, 'octo-org/hello-world · Issue #42'],
    [PULL, 'octo-org/hello-world · PR #7 · branch feature/login-fix'],
    [FORK_PULL, 'octo-org/hello-world · PR #8 · fork contributor:patch-1 (the agent fetches it)'],
  ])('should describe %#', (context, expected) => {
    expect(contextSummary(context)).toBe(expected);
  });
});
