import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Listen } from '@/lib/content/resident/trusted';
import {
  createInsertionWatch,
  createMutationWatch,
  DOCUMENT_EVENTS,
  INSERTION_ANIMATION,
  watchNavigation,
} from '@/lib/content/resident/watch';

const controller = new AbortController();
const listen: Listen = (target, type, handler, options) =>
  target.addEventListener(type, handler, { ...options, signal: controller.signal });

/** Lets MutationObserver callbacks run. */
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What the browser fires when an element starts matching a rule with an animation. */
function animationStart(target: Element, animationName: string) {
  const event = new Event('animationstart', { bubbles: true });
  Object.defineProperty(event, 'animationName', { value: animationName });
  target.dispatchEvent(event);
}

afterEach(() => {
  document.body.replaceChildren();
  for (const style of document.querySelectorAll('style')) style.remove();
});

describe('watchNavigation', () => {
  it.each([...DOCUMENT_EVENTS])('should call on %s at document, bubbling or not', (type) => {
    const onNavigate = vi.fn();
    const { signal } = new AbortController();
    watchNavigation((t, e, h, o) => t.addEventListener(e, h, { ...o, signal }), window, onNavigate);

    document.dispatchEvent(new Event(type));
    document.documentElement.dispatchEvent(new Event(type, { bubbles: true }));

    expect(onNavigate).toHaveBeenCalledTimes(2);
  });

  it('should call on a history change, and when the page comes back from the bfcache', () => {
    const onNavigate = vi.fn();
    watchNavigation(listen, window, onNavigate);

    const pageshow = (persisted: boolean) =>
      Object.defineProperty(new Event('pageshow'), 'persisted', { value: persisted });
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(pageshow(false));
    window.dispatchEvent(pageshow(true));

    expect(onNavigate).toHaveBeenCalledTimes(2);
  });
});

describe('createInsertionWatch', () => {
  it('should add one rule for the selectors, skipping the sticky header, and report their insertions', () => {
    const onInsert = vi.fn();
    const watch = createInsertionWatch(document, ['.a', '.b'], ['.sticky'], onInsert);

    watch.toggle(true);
    watch.toggle(true);
    const element = document.createElement('div');
    document.body.append(element);
    animationStart(element, INSERTION_ANIMATION);
    animationStart(element, 'someone-elses-animation');

    const styles = [...document.documentElement.querySelectorAll(':scope > style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toContain(`@keyframes ${INSERTION_ANIMATION}`);
    expect(styles[0]?.textContent).toContain(
      `:is(.a,.b):not(:is(.sticky) *){animation:${INSERTION_ANIMATION} 1ms}`,
    );
    expect(onInsert).toHaveBeenCalledTimes(1);
  });

  it('should put its rule back when the page removed it', () => {
    const watch = createInsertionWatch(document, ['.a'], ['.sticky'], () => {});
    watch.toggle(true);
    document.querySelector('style')?.remove();

    watch.toggle(true);

    expect(document.querySelectorAll('style')).toHaveLength(1);
  });

  it('should leave nothing behind when off', () => {
    const onInsert = vi.fn();
    const watch = createInsertionWatch(document, ['.a'], ['.sticky'], onInsert);
    watch.toggle(true);

    watch.toggle(false);
    animationStart(document.body, INSERTION_ANIMATION);

    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(onInsert).not.toHaveBeenCalled();
  });
});

describe('createMutationWatch', () => {
  it('should report DOM changes only while on', async () => {
    const onMutate = vi.fn();
    const watch = createMutationWatch(document, onMutate);

    watch.toggle(true);
    document.body.append(document.createElement('div'));
    await microtasks();
    watch.toggle(false);
    document.body.append(document.createElement('div'));
    await microtasks();

    expect(onMutate).toHaveBeenCalledTimes(1);
  });
});
