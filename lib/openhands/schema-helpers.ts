import { z } from 'zod';

/**
 * A response enum the server may extend (start-task stages and sandbox states have grown before): known values
 * keep their literal types, and an unknown string still parses instead of failing the whole response.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(_values: T) {
  return z.custom<T[number] | (string & {})>((value) => typeof value === 'string', 'Expected a string');
}

/** A PR number as the extension uses it: a positive safe integer (`"7"`, as some servers send it, is 7). */
function pullNumber(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/**
 * `pr_number`, repaired rather than trusted: the PR numbers that are PR numbers at all, in the server's order;
 * `0`, `-5`, `7.5` or a number beyond 2^53 are dropped (one bad value must not cost the conversation, let alone
 * the page it is on). Anything but a list reads as absent.
 */
export const pullNumbersField = z
  .unknown()
  .transform((value) => (Array.isArray(value) ? value.flatMap((item) => pullNumber(item) ?? []) : undefined))
  .optional();

/**
 * A list the server sends (a search page's `items`): each entry is checked on its own, and one that does not
 * parse is left out, so a single odd conversation never hides the others. Nothing to tell the user: they cannot
 * fix the server's data.
 */
export function eachOf<S extends z.ZodType>(schema: S) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((item): z.output<S>[] => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

/**
 * A batch read's answer (`?ids=…`): one entry per id asked, in order, `null` for an unknown id. An entry that
 * does not parse becomes `undefined` (unreadable, not unknown), so the others keep their places and callers
 * leave that one as it was instead of calling it gone.
 */
export function batchOf<S extends z.ZodType>(schema: S) {
  return z.array(z.unknown()).transform((items) =>
    items.map((item): z.output<S> | null | undefined => {
      if (item === null) return null;
      const parsed = schema.safeParse(item);
      return parsed.success ? parsed.data : undefined;
    }),
  );
}

/**
 * A field the extension only shows, or may do without: a value of the wrong type reads as absent instead of
 * making the whole item unreadable.
 */
export function shown<S extends z.ZodType>(schema: S) {
  return schema.optional().catch(undefined);
}
