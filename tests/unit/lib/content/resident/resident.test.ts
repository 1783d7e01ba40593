import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ResidentRuntime, startResident } from '@/lib/content/resident';
import { registerUi, type UiApi } from '@/lib/content/resident/contract';
import { BUTTON_HOST_ATTRIBUTE } from '@/lib/content/resident/mount';
import { INSERTION_ANIMATION } from '@/lib/content/resident/watch';
import { githubResident } from '@/lib/forges/github/resident';
import { reviewThreads } from '@/lib/forges/github/selectors';
import { RESIDENT_COMMAND_GLOBAL } from '@/lib/protocol/commands';
import { residentWords } from '../../../../support/i18n';
import { FIXTURE_URLS, type FixtureName, loadFixture } from '../../forges/github/fixtures';

const REPO_PATH = '/octo-org/hello-world';

/** An event as the browser makes it from user input: the button ignores any other. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (target: Element) => target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

/** Puts a fixture's body in the test document. */
function showFixture(name: FixtureName) {
  document.body.innerHTML = loadFixture(name).body.innerHTML;
}

function fakeUi(): UiApi {
  return {
    alive: vi.fn(() => true),
    bind: vi.fn(),
    runDefault: vi.fn(),
    menu: vi.fn(),
    refresh: vi.fn(),
    askAboutThread: vi.fn(() => true),
    destroy: vi.fn(),
  };
}

/**
 * The resident on the test document at `path`, with a window whose animation frames run on `flush`, and a
 * runtime whose `ui.load` registers a fake UI in `scope` (as the background's injection would) unless told
 * otherwise by `load`.
 */
function start(path: string, load?: () => Promise<unknown>) {
  const frames: (() => void)[] = [];
  // The page's window for events (GitHub's reach it on their way to `document`), with its own location
  const win = {
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    dispatchEvent: window.dispatchEvent.bind(window),
    location: { pathname: path },
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: () => 0,
  };
  const scope: object = {};
  const ui = fakeUi();
  const runtime = {
    id: 'ours' as string | undefined,
    sendMessage: vi.fn(async (_message: unknown) => {
      if (load) await load();
      else registerUi(ui, scope);
      return { ok: true, data: null };
    }),
  };
  // Counts the times the script reached for the runtime: page loads must not pay for its bindings
  const lookups = { count: 0, i18n: 0 };
  const documentReads = { count: 0 };
  const resident = startResident({
    get doc() {
      documentReads.count++;
      return document;
    },
    win: win as never,
    runtime: () => {
      lookups.count++;
      return runtime as ResidentRuntime;
    },
    scope,
    site: githubResident,
    word: residentWords(() => {
      lookups.i18n++;
      return fakeBrowser.i18n;
    }),
  });
  const flush = () => {
    for (const frame of frames.splice(0)) frame();
  };
  const navigate = async (to: string, event = 'turbo:render') => {
    win.location.pathname = to;
    (event === 'popstate' ? win : document).dispatchEvent(new Event(event));
    await Promise.resolve();
  };
  /** The keyboard command, as the background runs it in the script's world (lib/background/tabs/command.ts). */
  const pressCommand = () => {
    const command = (scope as Record<string, unknown>)[RESIDENT_COMMAND_GLOBAL];
    return typeof command === 'function' && command() === true;
  };
  const host = () => document.querySelector<HTMLElement>(`[${BUTTON_HOST_ATTRIBUTE}]`);
  const part = (name: 'main' | 'caret') =>
    host()?.shadowRoot?.querySelector<HTMLButtonElement>(`.${name}`) as HTMLButtonElement;
  const insertionRule = () =>
    [...document.querySelectorAll('style')].some((s) => s.textContent?.includes(INSERTION_ANIMATION));
  return {
    resident,
    runtime,
    scope,
    ui,
    flush,
    navigate,
    pressCommand,
    lookups,
    documentReads,
    host,
    part,
    insertionRule,
    win,
  };
}

/** What the browser fires for an element the insertion rule animates (present or inserted). */
function animationStart(): Event {
  const event = new Event('animationstart', { bubbles: true });
  Object.defineProperty(event, 'animationName', { value: INSERTION_ANIMATION });
  return event;
}

/** Lets promise chains and MutationObserver callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stops: (() => void)[] = [];
beforeEach(() => {
  stops = [];
});
afterEach(() => {
  for (const stop of stops) stop();
  document.body.replaceChildren();
  for (const style of document.querySelectorAll('style')) style.remove();
});
/** `start`, stopped after the test. */
function run(...args: Parameters<typeof start>) {
  const started = start(...args);
  stops.push(started.resident.stop);
  return started;
}

describe('startResident', () => {
  it('should mount the button in the header of an issue page, and watch for header insertions', () => {
    showFixture('issue');

    const { host, insertionRule } = run(new URL(FIXTURE_URLS.issue).pathname);

    expect(host()?.getAttribute(BUTTON_HOST_ATTRIBUTE)).toBe('actions');
    expect(host()?.closest('[data-component="PH_Actions"]')).not.toBeNull();
    expect(insertionRule()).toBe(true);
  });

  it('should mount the real button although the page defined elements named like its hosts first', () => {
    // What a hostile page can do before any content script runs: take the names a script might use
    for (const name of ['send-to-openhands', 'send-to-openhands-status', 'send-to-openhands-ask']) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'closed' }).append('Send to OpenHands (fake)');
          }
        },
      );
    }
    showFixture('issue');

    const { host, part } = run(new URL(FIXTURE_URLS.issue).pathname);

    expect(host()?.localName).toBe('span');
    expect(part('main').textContent).toBe('Send to OpenHands');
  });

  it('should neither query nor observe a page that is not an issue or PR', async () => {
    showFixture('issue');
    const queries = [vi.spyOn(document, 'querySelector'), vi.spyOn(document, 'querySelectorAll')];
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');

    const { navigate, host } = run(REPO_PATH);
    await navigate(`${REPO_PATH}/blob/main/README.md`, 'soft-nav:end');
    const counts = [...queries, observe].map((spy) => spy.mock.calls.length);
    for (const spy of queries) spy.mockRestore();

    expect(counts).toEqual([0, 0, 0]);
    expect(host()).toBeNull();
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('should come and go with soft navigation', async () => {
    showFixture('pull');
    const { navigate, host, insertionRule } = run(REPO_PATH);

    await navigate(new URL(FIXTURE_URLS.pull).pathname);
    expect(host()?.getAttribute(BUTTON_HOST_ATTRIBUTE)).toBe('actions');
    expect(insertionRule()).toBe(true);

    await navigate(REPO_PATH, 'popstate');
    expect(host()).toBeNull();
    expect(insertionRule()).toBe(false);
  });

  it('should mount again when a header landmark is inserted (React re-rendered the header)', () => {
    showFixture('issue');
    const { host, flush } = run(new URL(FIXTURE_URLS.issue).pathname);
    const header = document.querySelector('[data-testid="issue-header"]') as Element;
    const copy = header.cloneNode(true) as Element;
    header.replaceWith(copy);

    // The browser animates both inserted landmarks: the header actions and the copy of the host
    for (const selector of [`[${BUTTON_HOST_ATTRIBUTE}]`, '[data-component="PH_Actions"]']) {
      const event = new Event('animationstart', { bubbles: true });
      Object.defineProperty(event, 'animationName', { value: INSERTION_ANIMATION });
      copy.querySelector(selector)?.dispatchEvent(event);
    }
    flush();

    expect(document.querySelectorAll(`[${BUTTON_HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host()?.isConnected).toBe(true);
    expect(copy.contains(host())).toBe(true);
    expect(host()?.shadowRoot).not.toBeNull();
  });

  it('should take away a host left by an earlier copy of the script, as the page shows it', () => {
    showFixture('issue');
    const stale = document.createElement('span');
    stale.setAttribute(BUTTON_HOST_ATTRIBUTE, 'actions');
    document.body.prepend(stale);
    const { host, flush } = run(new URL(FIXTURE_URLS.issue).pathname);

    // The insertion rule animates every matching element already on the page
    const event = new Event('animationstart', { bubbles: true });
    Object.defineProperty(event, 'animationName', { value: INSERTION_ANIMATION });
    stale.dispatchEvent(event);
    flush();

    expect(stale.isConnected).toBe(false);
    expect([...document.querySelectorAll(`[${BUTTON_HOST_ATTRIBUTE}]`)]).toEqual([host()]);
  });

  it('should take away a copy of its host inserted while the button stays put', () => {
    showFixture('issue');
    const { host, flush } = run(new URL(FIXTURE_URLS.issue).pathname);
    const copy = host()?.cloneNode() as Element;
    document.body.append(copy);

    const event = new Event('animationstart', { bubbles: true });
    Object.defineProperty(event, 'animationName', { value: INSERTION_ANIMATION });
    copy.dispatchEvent(event);
    flush();

    expect(copy.isConnected).toBe(false);
    expect(document.querySelectorAll(`[${BUTTON_HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('should watch every DOM change while it waits for a late header, and only then', async () => {
    showFixture('issue-late-header');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { host, flush } = run(new URL(FIXTURE_URLS['issue-late-header']).pathname);
    expect(host()?.getAttribute(BUTTON_HOST_ATTRIBUTE)).toBe('fallback');

    const template = document.querySelector<HTMLTemplateElement>('#late-header-actions');
    document.querySelector('[data-component="PH"]')?.append(template?.content.cloneNode(true) as Node);
    await settle();
    flush();

    expect(host()?.getAttribute(BUTTON_HOST_ATTRIBUTE)).toBe('actions');
    expect(disconnect).toHaveBeenCalled();
  });

  it('should load the thread buttons (not the UI) for the review threads a PR page shows, once, and never for an issue page', async () => {
    showFixture('pull-timeline-threads');
    const pull = run(new URL(FIXTURE_URLS['pull-timeline-threads']).pathname);
    expect(pull.runtime.sendMessage).not.toHaveBeenCalled();
    // The insertion rule animates every thread on the page
    const threads = [...document.querySelectorAll(reviewThreads.join())];
    expect(threads.length).toBeGreaterThan(1);
    for (const thread of threads) thread.dispatchEvent(animationStart());
    await settle();
    expect(pull.runtime.sendMessage.mock.calls).toEqual([[{ type: 'threads.load' }]]);
    // More threads later (a diff renders progressively): still the one request
    for (const thread of threads) thread.dispatchEvent(animationStart());
    await settle();
    expect(pull.runtime.sendMessage).toHaveBeenCalledTimes(1);
    pull.resident.stop();

    // The same markup on an issue page (never so on GitHub) loads nothing
    const issue = run(new URL(FIXTURE_URLS.issue).pathname);
    for (const thread of threads) thread.dispatchEvent(animationStart());
    await settle();
    expect(issue.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('should load the UI once when the pointer reaches the button, then run a click at once', async () => {
    showFixture('issue');
    const { runtime, ui, host, part } = run(new URL(FIXTURE_URLS.issue).pathname);

    host()?.dispatchEvent(trusted(new PointerEvent('pointerenter')));
    part('main').dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    await settle();
    click(part('main'));

    expect(runtime.sendMessage.mock.calls).toEqual([[{ type: 'ui.load' }]]);
    expect(ui.bind).toHaveBeenCalledWith(expect.objectContaining({ host: host(), main: part('main') }));
    expect(ui.runDefault).toHaveBeenCalledTimes(1);
  });

  it('should show that a click is being handled while the UI loads, and run it once', async () => {
    showFixture('issue');
    let loaded = () => {};
    const wait = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    const started = run(new URL(FIXTURE_URLS.issue).pathname, async () => {
      await wait;
      registerUi(started.ui, started.scope);
    });
    const { ui, part } = started;

    click(part('main'));
    click(part('main'));
    expect(part('main').getAttribute('aria-busy')).toBe('true');
    loaded();
    await settle();

    expect(part('main').getAttribute('aria-busy')).toBe('false');
    expect(ui.runDefault).toHaveBeenCalledTimes(1);
  });

  it('should mark the caret busy while the menu loads, then open it', async () => {
    showFixture('issue');
    const { ui, part } = run(new URL(FIXTURE_URLS.issue).pathname);

    click(part('caret'));
    expect(part('caret').getAttribute('aria-busy')).toBe('true');
    await settle();

    expect(part('caret').getAttribute('aria-busy')).toBe('false');
    expect(ui.menu).toHaveBeenCalledWith('toggle');
  });

  it('should ignore clicks a page script makes', async () => {
    showFixture('issue');
    const { runtime, part } = run(new URL(FIXTURE_URLS.issue).pathname);

    part('main').click();
    part('caret').click();
    await settle();

    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('should say so on the button when the UI cannot be loaded', async () => {
    showFixture('issue');
    const { ui, part } = run(new URL(FIXTURE_URLS.issue).pathname, async () => {
      throw new Error('Could not establish connection');
    });

    click(part('main'));
    await settle();

    expect(part('main').getAttribute('aria-busy')).toBe('false');
    expect(part('main').title).toBe('Send to OpenHands could not open here. Reload the page and try again.');
    expect(ui.runDefault).not.toHaveBeenCalled();
  });

  it('should run the default action on the keyboard command, on any GitHub page, from our background only', async () => {
    const { runtime, ui, pressCommand } = run(REPO_PATH);

    const delivered = pressCommand();
    await settle();

    expect(delivered).toBe(true);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(ui.runDefault).toHaveBeenCalledTimes(1);
  });

  it('should not reach for the runtime while a page loads, on an issue page or any other', () => {
    showFixture('issue');
    const issue = run(new URL(FIXTURE_URLS.issue).pathname);
    issue.flush();
    const other = run(REPO_PATH);

    expect(issue.host()).not.toBeNull();
    expect([issue.lookups.count, other.lookups.count]).toEqual([0, 0]);
  });

  it("should name the button in the browser's language on an issue page, and not touch i18n elsewhere", () => {
    showFixture('issue');
    const issue = run(new URL(FIXTURE_URLS.issue).pathname);
    issue.flush();
    const other = run(REPO_PATH);
    other.flush();

    expect(issue.host()?.shadowRoot?.querySelector('button')?.textContent).toBe('Send to OpenHands');
    expect(issue.lookups.i18n).toBeGreaterThan(0);
    expect(other.lookups.i18n).toBe(0);
  });

  it('should not touch the document on pages that are not issues or PRs, until it navigates to one', async () => {
    showFixture('issue');
    const { navigate, documentReads, host } = run(REPO_PATH);
    await navigate(`${REPO_PATH}/blob/main/README.md`, 'soft-nav:end');
    const before = documentReads.count;

    await navigate(new URL(FIXTURE_URLS.issue).pathname, 'soft-nav:end');

    expect(before).toBe(0);
    expect(host()).not.toBeNull();
  });

  it('should answer the keyboard command with false once the extension was reloaded, so the user is told', async () => {
    const { runtime, pressCommand, scope } = run(REPO_PATH);
    runtime.id = undefined;

    const delivered = pressCommand();
    await settle();

    expect(delivered).toBe(false);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
    expect(RESIDENT_COMMAND_GLOBAL in scope).toBe(false);
  });

  it('should replace a UI left by a reloaded extension', async () => {
    showFixture('issue');
    const { scope, ui, runtime, part } = run(new URL(FIXTURE_URLS.issue).pathname);
    const orphan = { ...fakeUi(), alive: () => false };
    registerUi(orphan, scope);

    click(part('main'));
    await settle();

    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(orphan.runDefault).not.toHaveBeenCalled();
    expect(ui.runDefault).toHaveBeenCalledTimes(1);
  });

  it('should take the button away and stop once the extension was reloaded (an orphan)', async () => {
    showFixture('issue');
    const { runtime, host, part, navigate, scope, insertionRule } = run(new URL(FIXTURE_URLS.issue).pathname);
    const main = part('main');
    runtime.id = undefined;

    await navigate(new URL(FIXTURE_URLS.issue).pathname);
    click(main);
    await settle();

    expect(host()).toBeNull();
    expect(insertionRule()).toBe(false);
    expect(RESIDENT_COMMAND_GLOBAL in scope).toBe(false);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });
});
