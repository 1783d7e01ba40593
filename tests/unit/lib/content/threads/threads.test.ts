import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerUi, type UiApi } from '@/lib/content/resident/contract';
import { installThreads, type ThreadsDeps } from '@/lib/content/threads';
import { ASK_HOST_ATTRIBUTE } from '@/lib/content/threads/thread-buttons';
import { threadWords } from '@/lib/content/threads/words';
import { findReviewThreads } from '@/lib/forges/github/review-threads';
import { githubThreads } from '@/lib/forges/github/threads';
import { FIXTURE_URLS, loadFixture } from '../../forges/github/fixtures';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.body.replaceChildren();
});

function trustedClick(target: Element) {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

function fakeUi(): UiApi {
  return {
    alive: () => true,
    bind: vi.fn(),
    runDefault: vi.fn(),
    menu: vi.fn(),
    refresh: vi.fn(),
    askAboutThread: vi.fn(() => true),
    destroy: vi.fn(),
  };
}

/** The thread buttons on a PR page whose background injects `ui` into `scope` on `ui.load`. */
function install(overrides: Partial<ThreadsDeps> = {}) {
  document.body.innerHTML = loadFixture('pull-timeline-threads').body.innerHTML;
  const scope: object = {};
  const ui = fakeUi();
  const runtime = {
    id: 'ours' as string | undefined,
    sendMessage: vi.fn(async (message: unknown) => {
      if ((message as { type: string }).type === 'ui.load') registerUi(ui, scope);
      return null;
    }),
  };
  const win = {
    location: { pathname: new URL(FIXTURE_URLS['pull-timeline-threads']).pathname },
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
  } as unknown as Window;
  const deps: ThreadsDeps = {
    doc: document,
    win,
    site: githubThreads,
    runtime: () => runtime,
    word: threadWords(() => fakeBrowser.i18n),
    scope,
    ...overrides,
  };
  const api = installThreads(deps);
  stops.push(() => api.stop());
  const buttons = () =>
    [...document.querySelectorAll(`[${ASK_HOST_ATTRIBUTE}]`)].map(
      (host) => host.shadowRoot?.querySelector('button') as HTMLButtonElement,
    );
  return { api, deps, scope, ui, runtime, buttons };
}

describe('installThreads', () => {
  it('should show "Ask OpenHands" on every review thread without loading the full UI', () => {
    const { buttons, runtime } = install();

    expect(buttons().map((button) => button.textContent)).toEqual(
      findReviewThreads(document).map(() => 'Ask OpenHands'),
    );
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('should load the full UI at the first click and ask it about that thread', async () => {
    const { buttons, runtime, ui } = install();
    const [first] = findReviewThreads(document);

    trustedClick(buttons()[0] as HTMLButtonElement);

    await vi.waitFor(() => expect(ui.askAboutThread).toHaveBeenCalledWith(first?.id, buttons()[0]));
    expect(runtime.sendMessage.mock.calls).toEqual([[{ type: 'ui.load' }]]);
    expect(buttons()[0]?.getAttribute('aria-busy')).toBe('false');

    // The UI is there now: the next click asks it at once
    trustedClick(buttons()[1] as HTMLButtonElement);
    await vi.waitFor(() => expect(ui.askAboutThread).toHaveBeenCalledTimes(2));
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('should ignore clicks that a page script makes', async () => {
    const { buttons, runtime, ui } = install();

    buttons()[0]?.click();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(runtime.sendMessage).not.toHaveBeenCalled();
    expect(ui.askAboutThread).not.toHaveBeenCalled();
  });

  it('should keep one set of buttons when injected again into the same world', () => {
    const { api, deps, buttons } = install();
    const count = buttons().length;

    expect(installThreads(deps)).toBe(api);
    expect(buttons()).toHaveLength(count);
  });

  it('should take its buttons away at a click once the extension was reloaded (an orphan)', () => {
    const { buttons, runtime } = install();
    runtime.id = undefined;

    trustedClick(buttons()[0] as HTMLButtonElement);

    expect(buttons()).toHaveLength(0);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });
});
