import { describe, expect, it } from 'vitest';
import {
  ageText,
  conversationStateText,
  conversationsNote,
  pullUrl,
  runningNotice,
} from '@/lib/content/ui/status/item-words';

describe('conversationStateText', () => {
  it('should name the stage of a start', () => {
    expect(conversationStateText({ state: 'starting', stage: 'Preparing repository' })).toBe(
      'Starting: Preparing repository',
    );
    expect(conversationStateText({ state: 'starting', stage: 'Starting' })).toBe('Starting');
    expect(conversationStateText({ state: 'starting', stage: null })).toBe('Starting');
  });

  it('should say the other states in words, without a stage', () => {
    expect(conversationStateText({ state: 'running', stage: 'Ready' })).toBe('Running');
    expect(conversationStateText({ state: 'waiting_for_confirmation', stage: null })).toBe('Waiting for you');
    expect(conversationStateText({ state: 'finished', stage: null })).toBe('Finished');
    expect(conversationStateText({ state: 'stopped', stage: null })).toBe('Stopped');
    expect(conversationStateText({ state: 'paused', stage: null })).toBe('Paused');
    expect(conversationStateText({ state: 'archived', stage: null })).toBe('Archived');
    expect(conversationStateText({ state: 'stuck', stage: null })).toBe('Stuck');
  });
});

describe('ageText', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('should say how long ago, in short words', () => {
    expect(ageText('2026-11-28T11:59:30Z', now)).toBe('just now');
    expect(ageText('2026-11-28T11:57:00Z', now)).toBe('3 min ago');
    expect(ageText('2026-11-28T11:00:00Z', now)).toBe('1 hour ago');
    expect(ageText('2026-11-28T07:00:00Z', now)).toBe('5 hours ago');
    expect(ageText('2026-11-25T12:00:00Z', now)).toBe('3 days ago');
    expect(ageText('2026-09-01T12:00:00Z', now)).toBe('Sep 1, 2026');
  });

  it('should say nothing for a time that cannot be read, and "just now" for a clock ahead', () => {
    expect(ageText('soon', now)).toBe('');
    expect(ageText('2026-11-28T12:01:00Z', now)).toBe('just now');
  });
});

describe('conversationsNote', () => {
  it('should count the conversations and the running ones (a start counts as running)', () => {
    expect(conversationsNote('issue', [{ state: 'running' }, { state: 'finished' }])).toBe(
      '2 conversations for this issue — 1 running',
    );
    expect(conversationsNote('pull', [{ state: 'starting' }])).toBe(
      '1 conversation for this pull request — 1 running',
    );
    expect(conversationsNote('issue', [{ state: 'finished' }, { state: 'paused' }])).toBe(
      '2 conversations for this issue',
    );
  });

  it('should say nothing when there are none', () => {
    expect(conversationsNote('issue', [])).toBeNull();
  });
});

describe('runningNotice and pullUrl', () => {
  it('should say what runs and where a PR is', () => {
    expect(runningNotice('issue', 1)).toBe('A conversation for this issue is already running.');
    expect(runningNotice('pull', 2)).toBe('2 conversations for this pull request are already running.');
    expect(pullUrl('octo-org/hello-world', 7)).toBe('https://github.com/octo-org/hello-world/pull/7');
  });
});
