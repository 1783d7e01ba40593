import { type ServerOrigin, serverOrigin } from '@/lib/server/origin';

/** A server for tests, read as the options page and storage read one (`ServerOrigin`). */
export const testOrigin = (url: string): ServerOrigin => serverOrigin(url);
