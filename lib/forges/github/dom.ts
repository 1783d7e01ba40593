import { stickyHeaders } from '@/lib/forges/github/selectors';

/** Whether `element` belongs to GitHub's sticky copy of the header. */
export function isInStickyHeader(element: Element): boolean {
  return element.closest(stickyHeaders.join(', ')) !== null;
}

/** Matches of `selector` outside the sticky header, in document order. */
export function queryStatic(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((element) => !isInStickyHeader(element));
}

/**
 * The first non-sticky match of the first selector that has one: earlier selectors win even when a later one
 * matches earlier in the document, so generic fallbacks never shadow precise ones.
 */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const [match] = queryStatic(root, selector);
    if (match) return match;
  }
  return undefined;
}

/** Text with runs of whitespace collapsed, as a reader sees it on one line. */
export function oneLineText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
