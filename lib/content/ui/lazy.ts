/**
 * A value made on first use. The content script runs on every GitHub page; most never show our UI, so
 * its shadow roots, styles and menus are built only when an issue or PR page needs them.
 */
export function lazy<T>(make: () => T): (() => T) & { readonly made: boolean } {
  let value: { v: T } | undefined;
  const get = () => {
    value ??= { v: make() };
    return value.v;
  };
  return Object.defineProperty(get, 'made', { get: () => value !== undefined }) as (() => T) & {
    readonly made: boolean;
  };
}
