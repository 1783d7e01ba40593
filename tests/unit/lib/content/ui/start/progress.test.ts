import { describe, expect, it } from 'vitest';
import { errorView, recordView, sendingView, stoppedFollowingView } from '@/lib/content/ui/start/progress';
import { startingRecord } from '../records';

describe('recordView', () => {
  it('should show the start stage and the task page while starting', () => {
    const expected = {
      tone: 'working',
      heading: 'Starting an OpenHands conversation',
      status: 'Waiting for sandbox…',
      subject: '#42: Fix crash on startup',
      href: 'https://app.all-hands.dev/conversations/task-a1b2c3',
    };

    const actual = recordView(startingRecord({ startStatus: 'WAITING_FOR_SANDBOX' }));

    expect(actual).toEqual(expected);
  });

  it('should say it cannot reach OpenHands while the start’s polls keep failing', () => {
    const actual = recordView({
      ...startingRecord({ startStatus: 'WAITING_FOR_SANDBOX', lastPolledAt: null }),
      retrying: true,
    });

    expect(actual).toMatchObject({
      tone: 'working',
      status: 'Waiting for sandbox · Can’t reach OpenHands, retrying…',
    });
  });

  it('should link to the conversation once it runs', () => {
    const record = startingRecord({ state: 'running', startStatus: 'READY', conversationId: 'c0ffee' });

    const actual = recordView(record);

    expect(actual).toMatchObject({
      tone: 'done',
      heading: 'OpenHands conversation started',
      status: 'Running',
      href: 'https://app.all-hands.dev/conversations/c0ffee',
    });
  });

  it("should show the server's detail when the start failed", () => {
    const record = startingRecord({
      state: 'error',
      startStatus: 'ERROR',
      detail: 'Repository not accessible',
    });

    const actual = recordView(record);

    expect(actual).toMatchObject({ tone: 'error', status: 'Repository not accessible' });
  });

  it('should say "Starting" for a V0 start without a stage', () => {
    const actual = recordView(startingRecord({ taskId: null, startStatus: null }));

    expect(actual.status).toBe('Starting…');
  });
});

describe('errorView', () => {
  it('should offer the options page when the key is missing or rejected', () => {
    const actual = errorView({ code: 'no_key', message: 'Add your key.', action: 'options' }, '#42: Crash');

    expect(actual).toEqual({
      tone: 'error',
      heading: 'Could not start the conversation',
      status: 'Add your key.',
      subject: '#42: Crash',
      openOptions: true,
    });
  });

  it('should link to the conversation list when too many are running', () => {
    const error = {
      code: 'concurrency_limit' as const,
      message: 'You have 3 of 3 conversations running.',
      action: 'conversations' as const,
      url: 'https://app.all-hands.dev/',
    };
    expect(errorView(error).conversationsHref).toBe('https://app.all-hands.dev/');
  });

  it('should show other errors without links', () => {
    const actual = errorView({ code: 'offline', message: 'Could not reach OpenHands.' });

    expect(actual).toEqual({
      tone: 'error',
      heading: 'Could not start the conversation',
      status: 'Could not reach OpenHands.',
    });
  });
});

describe('other views', () => {
  it('should show what is being sent before the background answers', () => {
    expect(sendingView('#7: Fix login')).toMatchObject({
      tone: 'working',
      status: 'Sending…',
      subject: '#7: Fix login',
    });
  });

  it('should keep the link when it stops following', () => {
    const actual = stoppedFollowingView(startingRecord(), 'Follow it in OpenHands.');

    expect(actual).toMatchObject({
      heading: 'Still starting',
      href: 'https://app.all-hands.dev/conversations/task-a1b2c3',
    });
  });
});
