/**
 * A value made on first use: most pages that load the UI (a pointer passing over the button) never show the
 * toast or the editor, so their shadow root and styles are built only when needed.
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
