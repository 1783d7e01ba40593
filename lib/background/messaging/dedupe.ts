/**
 * Collapses identical calls made close together into one: a double click, or the same page sending twice,
 * must start one conversation. Calls with the same key within `windowMs` of the first share its result.
 */
export function dedupeByKey<A, R>(
  run: (arg: A) => Promise<R>,
  keyOf: (arg: A) => string,
  options: { windowMs: number; now?: () => number },
): (arg: A) => Promise<R> {
  const now = options.now ?? Date.now;
  const recent = new Map<string, { at: number; result: Promise<R> }>();
  return (arg) => {
    const key = keyOf(arg);
    const at = now();
    for (const [k, entry] of recent) if (at - entry.at > options.windowMs) recent.delete(k);
    const existing = recent.get(key);
    if (existing) return existing.result;
    const result = run(arg);
    recent.set(key, { at, result });
    // A failed start may be retried at once.
    result.catch(() => recent.delete(key));
    return result;
  };
}
