import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Listen } from '@/lib/content/resident/trusted';
import { INSERTION_ANIMATION } from '@/lib/content/resident/watch';
import {
  ASK_HOST_ATTRIBUTE,
  createThreadButtons,
  SCAN_DELAY_MS,
  type ThreadButtonsDeps,
} from '@/lib/content/threads/thread-buttons';
import { threadWords } from '@/lib/content/threads/words';
import { findReviewThreads } from '@/lib/forges/github/review-threads';
import { reviewThreads } from '@/lib/forges/github/selectors';
import { githubThreads } from '@/lib/forges/github/threads';
import { type FixtureName, loadFixture } from '../../forges/github/fixtures';

/** What each test leaves behind (listeners, observers), undone after it: earlier instances must not answer. */
const cleanups: (() => void)[] = [];
const listen: Listen = (target, type, handler, options) => {
  target.addEventListener(type, handler, options);
  cleanups.push(() => target.removeEventListener(type, handler, options));
};

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function mount(name: FixtureName, overrides: Partial<ThreadButtonsDeps> = {}) {
  document.body.innerHTML = loadFixture(name).body.innerHTML;
  const asked: string[] = [];
  const buttons = createThreadButtons({
    doc: document,
    pages: githubThreads,
    listen,
    word: threadWords(() => fakeBrowser.i18n),
    isPull: () => true,
    onAsk: (threadId) => {
      asked.push(threadId);
      return true;
    },
    later: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    observe: (target, options, onChange) => {
      const observer = new MutationObserver(onChange);
      observer.observe(target, options);
      return observer;
    },
    ...overrides,
  });
  cleanups.push(() => buttons.stop());
  const askButtons = () =>
    [...document.querySelectorAll<HTMLElement>(`[${ASK_HOST_ATTRIBUTE}]`)].map(
      (host) => host.shadowRoot?.querySelector('button') as HTMLButtonElement,
    );
  return { buttons, asked, askButtons };
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
});

describe('createThreadButtons', () => {
  it.each(['pull-files-threads', 'pull-timeline-threads', 'pull-react-automated'] as const)(
    'should give every review thread of %s one "Ask OpenHands" button',
    (name) => {
      const { buttons, askButtons } = mount(name);
      const threads = findReviewThreads(document);

      buttons.refresh();
      buttons.refresh();

      expect(threads.length).toBeGreaterThanOrEqual(2);
      expect(askButtons()).toHaveLength(threads.length);
      expect(askButtons().map((button) => button.textContent)).toEqual(threads.map(() => 'Ask OpenHands'));
      expect(askButtons()[0]?.title).toMatch(/review thread/i);
      buttons.stop();
      expect(askButtons()).toHaveLength(0);
    },
  );

  it('should ask about the thread of the button, without collapsing the thread', () => {
    const { buttons, asked, askButtons } = mount('pull-timeline-threads');
    const headerClicks = vi.fn();
    document.querySelector('.js-discussion')?.addEventListener('click', headerClicks);
    buttons.refresh();
    const [first] = findReviewThreads(document);

    const event = trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    askButtons()[0]?.dispatchEvent(event);

    expect(asked).toEqual([first?.id]);
    expect(event.defaultPrevented).toBe(true);
    expect(headerClicks).not.toHaveBeenCalled();
  });

  it('should replace a button whose thread the full UI could not read, by reading the page again', async () => {
    const { buttons, askButtons } = mount('pull-timeline-threads', { onAsk: () => Promise.resolve(false) });
    buttons.refresh();
    const hosts = () => [...document.querySelectorAll(`[${ASK_HOST_ATTRIBUTE}]`)];
    const [first] = hosts();

    askButtons()[0]?.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));

    await vi.waitFor(() => expect(first?.isConnected).toBe(false));
    await vi.waitFor(() => expect(hosts()).toHaveLength(findReviewThreads(document).length));
  });

  it('should add buttons to threads rendered later in the page', async () => {
    const { buttons, askButtons } = mount('pull-timeline-threads');
    const frames = [...document.querySelectorAll('.js-discussion turbo-frame')];
    const late = frames.at(-1) as Element;
    const parent = late.parentElement as Element;
    late.remove();
    buttons.refresh();
    const before = askButtons().length;

    parent.append(late);

    await vi.waitFor(() => expect(askButtons()).toHaveLength(before + 1));
  });

  it('should add a button to a thread shown after the page settled, from the insertion rule alone', async () => {
    // No observer tells (the document is watched only for SETTLE_MS after a navigation)
    const { buttons, askButtons } = mount('pull-files-threads', { observe: () => ({ disconnect() {} }) });
    const container = document.querySelector('#diff-comparison-viewer-container') as Element;
    const parent = container.parentElement as Element;
    container.remove();
    buttons.refresh();
    parent.append(container);
    await new Promise((resolve) => setTimeout(resolve, SCAN_DELAY_MS * 2));
    expect(askButtons()).toHaveLength(0);

    // The resident's insertion rule animates each thread as it shows
    for (const thread of document.querySelectorAll(reviewThreads.join())) {
      const event = new Event('animationstart', { bubbles: true });
      Object.defineProperty(event, 'animationName', { value: INSERTION_ANIMATION });
      thread.dispatchEvent(event);
    }
    await vi.waitFor(() => expect(askButtons()).toHaveLength(findReviewThreads(document).length));
  });

  it('should follow a soft navigation to another tab', () => {
    const { buttons, askButtons } = mount('pull-timeline-threads');
    buttons.refresh();

    document.body.innerHTML = loadFixture('pull-files-threads').body.innerHTML;
    buttons.refresh();

    expect(askButtons()).toHaveLength(findReviewThreads(document).length);
    expect(document.querySelector('.js-discussion')).toBeNull();
  });

  it('should add nothing outside pull requests', () => {
    const { buttons, askButtons } = mount('pull-files-threads', { isPull: () => false });

    buttons.refresh();

    expect(askButtons()).toHaveLength(0);
  });
});
