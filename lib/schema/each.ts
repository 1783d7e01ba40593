import * as z from 'zod/mini';

/*
 * Lists and maps read item by item (zod/mini, for what pages and storage read; the server's responses have
 * their zod twin in lib/openhands/schema-helpers.ts): an entry that does not parse is left out and the others
 * are kept, so one odd or outdated entry never costs the rest.
 */

/** An array whose unreadable items are left out. */
export function eachItem<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items): z.output<S>[] =>
      items.flatMap((item) => {
        const parsed = schema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );
}

/** A string-keyed map whose unreadable entries are left out. */
export function eachEntry<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform(
      (stored): Record<string, z.output<S>> =>
        Object.fromEntries(
          Object.entries(stored).flatMap(([key, value]) => {
            const parsed = schema.safeParse(value);
            return parsed.success ? [[key, parsed.data] as const] : [];
          }),
        ),
    ),
  );
}
