/**
 * Opaque page ids, as the real server's are (the SQL service uses offsets; V0 used base64 JSON).
 * Encoding them makes a client that builds or edits page ids fail loudly in tests.
 */

export interface Page<T> {
  items: T[];
  next_page_id: string | null;
}

export class InvalidPageIdError extends Error {}

export function paginate<T>(all: T[], pageId: string | null | undefined, limit: number): Page<T> {
  const offset = pageId ? decodePageId(pageId) : 0;
  const items = all.slice(offset, offset + Math.max(limit, 0));
  const next = offset + items.length;
  return { items, next_page_id: limit > 0 && next < all.length ? encodePageId(next) : null };
}

function encodePageId(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodePageId(pageId: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(pageId, 'base64url').toString('utf8')) as { offset: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through
  }
  throw new InvalidPageIdError(`Invalid page_id: ${pageId}`);
}
