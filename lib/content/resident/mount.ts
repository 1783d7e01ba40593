import type { AnchorKind, ButtonAnchor, PageKind } from '@/lib/forges/forge';

/** Marks our button's host element; anything else carrying it (a stale copy, a clone) is removed (index.ts). */
export const BUTTON_HOST_ATTRIBUTE = 'data-openhands-button';

export type MountDeps = {
  doc: Document;
  /** The kind of the current page when the button belongs on it (an issue or PR page), else null. */
  pageKind(): PageKind | null;
  /** Where the button goes now (the forge's `findButtonAnchor`). */
  findAnchor(doc: Document, kind: PageKind): ButtonAnchor | null;
  /** Whether an element is in the page's sticky copy of the header (the forge's). */
  isInStickyHeader(element: Element): boolean;
  /** Creates the host element (once; it is reused when the page changes). */
  createHost(): HTMLElement;
  /** Runs `callback` after `ms`, unless the script has stopped by then. */
  later(callback: () => void, ms: number): void;
};

/** How long the button may wait in its fallback for a header that renders late before we call it missing. */
export const FALLBACK_GRACE_MS = 5_000;

/** Logged (debug level) once per page load when no header landmark turned up: the selectors may have rotted. */
export const FALLBACK_NOTE =
  '[Send to OpenHands] No known header landmark on this issue or pull request page, so the button sits in ' +
  "its fallback position. GitHub's markup may have changed (see lib/forges/github/selectors.ts).";

/** What `sync` did. */
export type MountResult = 'mounted' | 'moved' | 'kept' | 'removed' | 'absent';

export type MountManager = {
  /**
   * Puts the one button where it belongs, or removes it. Cheap when nothing changed: a button in a real header
   * anchor that is still connected is kept without querying the page, unless `recheck` (after a navigation).
   * Copies of the host (Turbo snapshots, React clones) are the caller's: it sees them inserted.
   */
  sync(recheck?: boolean): MountResult;
  /** Where the button is now, or `null` when it is not on the page. */
  readonly placement: AnchorKind | null;
  /** Removes the button (the script was stopped). */
  remove(): void;
};

function isAt(host: Element, anchor: ButtonAnchor): boolean {
  switch (anchor.position) {
    case 'prepend':
    case 'append':
      return host.parentElement === anchor.element;
    case 'before':
      return host.nextElementSibling === anchor.element;
    case 'after':
      return host.previousElementSibling === anchor.element;
  }
}

function insert(host: Element, { element, position }: ButtonAnchor): void {
  if (position === 'prepend') element.prepend(host);
  else if (position === 'append') element.append(host);
  else if (position === 'before') element.before(host);
  else element.after(host);
}

/**
 * Idempotent mounting of the "Send to OpenHands" button: one host, in the best anchor
 * (header actions over the legacy header over the visible fallback), never in GitHub's sticky header copy,
 * and none on pages where it does not belong. The caller runs `sync` on navigation events and insertions.
 */
export function createMountManager(deps: MountDeps): MountManager {
  let host: HTMLElement | null = null;
  let placed: { anchor: Element; kind: AnchorKind } | null = null;
  let fallbackNote: 'none' | 'pending' | 'logged' = 'none';

  // Once per page load (this manager lives as long as the resident script), not per mutation; and only when
  // the fallback outlasts the grace period, since React headers often render after the first sync.
  const noteFallback = () => {
    if (fallbackNote !== 'none') return;
    fallbackNote = 'pending';
    deps.later(() => {
      const stillFallback =
        host?.isConnected === true && placed?.kind === 'fallback' && deps.pageKind() !== null;
      fallbackNote = stillFallback ? 'logged' : 'none';
      if (stillFallback) console.debug(FALLBACK_NOTE);
    }, FALLBACK_GRACE_MS);
  };

  const isSettled = () =>
    host?.isConnected === true &&
    placed !== null &&
    placed.kind !== 'fallback' &&
    placed.anchor.isConnected &&
    host.parentElement !== null &&
    !deps.isInStickyHeader(host);

  const remove = (): MountResult => {
    const wasMounted = host?.isConnected === true;
    host?.remove();
    placed = null;
    return wasMounted ? 'removed' : 'absent';
  };

  return {
    sync(recheck = false) {
      // Off issue and PR pages nothing queries the document
      const kind = deps.pageKind();
      if (!kind) return remove();
      if (!recheck && isSettled()) return 'kept';
      const anchor = deps.findAnchor(deps.doc, kind);
      if (!anchor) return remove();
      const wasConnected = host?.isConnected === true;
      if (host && wasConnected && placed?.anchor === anchor.element && isAt(host, anchor)) {
        placed = { anchor: anchor.element, kind: anchor.kind };
        return 'kept';
      }
      host ??= deps.createHost();
      host.setAttribute(BUTTON_HOST_ATTRIBUTE, anchor.kind);
      insert(host, anchor);
      placed = { anchor: anchor.element, kind: anchor.kind };
      if (anchor.kind === 'fallback') noteFallback();
      return wasConnected ? 'moved' : 'mounted';
    },
    get placement() {
      return host?.isConnected && placed ? placed.kind : null;
    },
    remove() {
      remove();
    },
  };
}
