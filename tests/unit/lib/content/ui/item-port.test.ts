import { afterEach, describe, expect, it, vi } from 'vitest';
import { createItemWatch, followItem, readItemMessage } from '@/lib/content/ui/item-port';
import { fakeConnect } from './fake-ports';
import { itemConversation } from './item-conversations';

const KEY = 'octo-org/hello-world#7';

const message = (conversations: unknown[], item = KEY) => ({
  type: 'item.conversations',
  item,
  conversations,
});

afterEach(() => vi.restoreAllMocks());

describe('readItemMessage', () => {
  it('should read the conversations of this item, and nothing else', () => {
    const conversation = itemConversation();

    expect(readItemMessage(message([conversation]), KEY)).toEqual([conversation]);
    expect(readItemMessage(message([conversation], 'octo-org/hello-world#8'), KEY)).toBeUndefined();
    expect(readItemMessage({ type: 'conversation.record', record: null }, KEY)).toBeUndefined();
    expect(readItemMessage(message([{ ...conversation, apiVersion: 'v2' }]), KEY)).toBeUndefined();
    expect(readItemMessage(message([{ ...conversation, url: 'javascript:alert(1)' }]), KEY)).toBeUndefined();
    expect(readItemMessage(null, KEY)).toBeUndefined();
  });
});

describe('followItem', () => {
  it('should open the item port and keep the last list that fits', () => {
    const { connect, ports } = fakeConnect();
    const onChange = vi.fn();
    const feed = followItem(connect, KEY, onChange);

    expect(ports[0]?.name).toBe(`item.follow:${KEY}`);
    expect(feed.conversations).toBeNull();
    ports[0]?.emit(message([itemConversation()]));
    ports[0]?.emit({ type: 'item.conversations', item: KEY, conversations: 'nope' });

    expect(feed.conversations).toEqual([itemConversation()]);
    expect(onChange).toHaveBeenCalledTimes(1);
    feed.close();
    expect(ports[0]?.disconnected).toBe(true);
    expect(feed.open).toBe(false);
  });
});

describe('createItemWatch', () => {
  it('should follow the item on screen: moved on navigation, closed while hidden, reopened when visible', () => {
    let href = 'https://github.com/octo-org/hello-world/pull/7/files';
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const { connect, ports } = fakeConnect();
    const watch = createItemWatch({
      connect,
      href: () => href,
      doc: document,
      listen: (target, type, handler) => target.addEventListener(type, handler),
      onChange: () => {},
    });

    watch.refresh();
    ports[0]?.emit(message([itemConversation()]));
    expect(watch.conversations()).toHaveLength(1);
    watch.refresh();
    expect(ports).toHaveLength(1);

    href = 'https://github.com/octo-org/hello-world/issues/42';
    watch.refresh();
    expect(ports[0]?.disconnected).toBe(true);
    expect(ports[1]?.name).toBe('item.follow:octo-org/hello-world#42');
    expect(watch.conversations()).toBeNull();

    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(ports[1]?.disconnected).toBe(true);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(ports[2]?.name).toBe('item.follow:octo-org/hello-world#42');

    // The worker went away: the next refresh opens a new port
    ports[2]?.end();
    watch.refresh();
    expect(ports).toHaveLength(4);

    href = 'https://github.com/octo-org/hello-world';
    watch.refresh();
    expect(ports[3]?.disconnected).toBe(true);
    expect(ports).toHaveLength(4);
  });
});
