import BASE_CSS from '@/lib/content/resident/styles/base.css?inline';

/** Attribute values; `false` and `undefined` leave the attribute out, `true` sets it empty. */
type Attributes = Record<string, string | boolean | undefined>;

/**
 * A tiny `createElement` with attributes and children, so the GitHub scripts build their UI without React
 * (and without `innerHTML`, which GitHub's Trusted Types policy may forbid).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** Keys typed in our UI must not reach GitHub's hotkeys (`c`, `?`, `g i`…), which see only the host. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * A host element with an open shadow root holding the shared styles and `css`: GitHub's styles stay out and ours stay in, while
 * inherited custom properties (Primer's colour tokens) still reach the UI, so it follows the page's theme.
 * Hosts are built-in elements (`span` inline, `div` for the overlay), told apart by their `data-openhands-*`
 * attribute: a page can define a custom element under any name we would pick, before our script runs, and
 * then `attachShadow` throws (or the page's own element takes the button's place); it cannot redefine `span`.
 */
export function createShadowHost(tag: 'span' | 'div', css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  root.append(h('style', {}, BASE_CSS + css));
  for (const type of KEY_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  return { host, root };
}
