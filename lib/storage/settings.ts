import { z } from 'zod';

export const CLOUD_URL = 'https://app.all-hands.dev';

/** Non-secret settings, in `storage.local`. The API key is kept apart (lib/background/keys/api-keys.ts). */
export const settingsSchema = z.object({
  serverUrl: z.string().url().default(CLOUD_URL),
  /** Notify when a conversation started here finishes, fails or waits for confirmation. */
  notifications: z.boolean().default(true),
  /** What the server said it is at the last check; null until checked. */
  appMode: z.enum(['saas', 'oss']).nullable().default(null),
  apiVersion: z.enum(['v1', 'v0']).nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Removes trailing slashes and any path, query or hash: the server is identified by its origin. */
export function normaliseServerUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The server URL must start with https:// or http://');
  }
  return url.origin;
}

export function isCloudServer(serverUrl: string): boolean {
  return new URL(serverUrl).origin === CLOUD_URL;
}

/** The host-permission pattern a custom server needs, e.g. `http://localhost:3000/*`. */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
