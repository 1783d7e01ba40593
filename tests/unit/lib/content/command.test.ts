import { describe, expect, it, vi } from 'vitest';
import { type CommandTabs, forwardCommand, isSendDefaultMessage } from '@/lib/content/command';

/** Tabs with one active tab whose content script answers (or, with `fails`, is missing). */
function fakeTabs(options: { id?: number; fails?: boolean } = {}) {
  const tabs: CommandTabs = {
    query: vi.fn(async () => [{ id: options.id ?? 7 }]),
    sendMessage: vi.fn(async () => {
      if (options.fails) throw new Error('Could not establish connection. Receiving end does not exist.');
    }),
  };
  return tabs;
}

describe('forwardCommand', () => {
  it('should send the default action to the active tab', async () => {
    const tabs = fakeTabs();

    await forwardCommand('send-default', tabs);

    expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'command.send-default' });
  });

  it('should ignore tabs without our content script', async () => {
    const actual = forwardCommand('send-default', fakeTabs({ fails: true }));

    await expect(actual).resolves.toBeUndefined();
  });

  it('should ignore other commands', async () => {
    const tabs = fakeTabs();

    await forwardCommand('_execute_action', tabs);

    expect(tabs.query).not.toHaveBeenCalled();
  });
});

describe('isSendDefaultMessage', () => {
  it.each([
    ['our background', { type: 'command.send-default' }, { id: 'ours' }, true],
    ['another extension', { type: 'command.send-default' }, { id: 'theirs' }, false],
    ['a tab', { type: 'command.send-default' }, { id: 'ours', tab: { id: 3 } }, false],
    ['another message', { type: 'conversation.start' }, { id: 'ours' }, false],
    ['junk', 'command.send-default', { id: 'ours' }, false],
    ['null', null, { id: 'ours' }, false],
  ])('should accept %s: %j → %s', (_, message, sender, expected) => {
    const actual = isSendDefaultMessage(message, sender, 'ours');

    expect(actual).toBe(expected);
  });
});
