/**
 * OpenHands serializes ids as 32-char lowercase hex UUIDs without dashes, but accepts both forms;
 * compare and send them in one canonical form so a dashed id from a link still matches.
 */

/** Lowercase, without dashes: the form the server returns. */
export function normalizeId(id: string): string {
  return id.trim().toLowerCase().replaceAll('-', '');
}

/** Dashed 8-4-4-4-12 form, for parameters the spec declares as `format: uuid`; other strings pass through. */
export function toUuid(id: string): string {
  const hex = normalizeId(id);
  if (!/^[0-9a-f]{32}$/.test(hex)) return id.trim();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether two ids name the same thing, whatever their dashes or case. */
export function sameId(a: string, b: string): boolean {
  return normalizeId(a) === normalizeId(b);
}
