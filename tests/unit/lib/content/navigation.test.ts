import { describe, expect, it } from 'vitest';
import { DOCUMENT_EVENTS, type WatchContext, WINDOW_EVENTS, watchPage } from '@/lib/content/navigation';

/** A ctx whose animation frames and timers run only when `flush` is called, and that can be invalidated. */
function fakeContext() {
  const queued: (() => void)[] = [];
  const invalidated: (() => void)[] = [];
  const controller = new AbortController();
  const ctx: WatchContext = {
    addEventListener: (target, type, handler) =>
      target.addEventListener(type, handler, { signal: controller.signal }),
    requestAnimationFrame: (callback) => queued.push(callback),
    setTimeout: (callback) => queued.push(callback),
    onInvalidated: (callback) => invalidated.push(callback),
  };
  const flush = () => {
    for (const callback of queued.splice(0)) callback();
  };
  const invalidate = () => {
    controller.abort();
    for (const callback of invalidated) callback();
  };
  return { ctx, flush, invalidate, queued };
}

/** Lets MutationObserver callbacks run. */
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchPage', () => {
  it.each([...DOCUMENT_EVENTS])('should re-check on %s', (type) => {
    const { ctx, flush } = fakeContext();
    const calls: boolean[] = [];
    watchPage(ctx, document, (recheck) => calls.push(recheck));

    document.dispatchEvent(new Event(type));
    flush();

    expect(calls).toEqual([true]);
  });

  it.each([...WINDOW_EVENTS])('should re-check on window %s', (type) => {
    const { ctx, flush } = fakeContext();
    const calls: boolean[] = [];
    watchPage(ctx, document, (recheck) => calls.push(recheck));

    window.dispatchEvent(new Event(type));
    flush();

    expect(calls).toEqual([true]);
  });

  it('should run a cheap sync after DOM insertions, once per frame', async () => {
    const { ctx, flush, queued } = fakeContext();
    const calls: boolean[] = [];
    watchPage(ctx, document, (recheck) => calls.push(recheck));

    document.body.append(document.createElement('div'));
    await microtasks();
    document.body.append(document.createElement('div'));
    await microtasks();
    expect(queued).toHaveLength(1);
    flush();

    expect(calls).toEqual([false]);
  });

  it('should merge a navigation into a pending sync', async () => {
    const { ctx, flush } = fakeContext();
    const calls: boolean[] = [];
    watchPage(ctx, document, (recheck) => calls.push(recheck));

    document.body.append(document.createElement('div'));
    await microtasks();
    document.dispatchEvent(new Event('turbo:render'));
    flush();

    expect(calls).toEqual([true]);
  });

  it('should stop when the content script is invalidated', async () => {
    const { ctx, flush, invalidate } = fakeContext();
    const calls: boolean[] = [];
    watchPage(ctx, document, (recheck) => calls.push(recheck));

    invalidate();
    document.body.append(document.createElement('div'));
    document.dispatchEvent(new Event('turbo:render'));
    await microtasks();
    flush();

    expect(calls).toEqual([]);
  });
});
