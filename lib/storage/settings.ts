import * as z from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

export const CLOUD_URL = 'https://app.all-hands.dev';

/** Non-secret settings. The API keys are kept apart (lib/storage/api-keys.ts). A missing field takes its default. */
export const settingsSchema = z.object({
  serverUrl: z._default(z.url(), CLOUD_URL),
  /** Notify when a conversation started here finishes, fails or waits for confirmation. */
  notifications: z._default(z.boolean(), true),
  /** What the server said it is at the last check; null until checked. */
  appMode: z._default(z.nullable(z.enum(['saas', 'oss'])), null),
  apiVersion: z._default(z.nullable(z.enum(['v1', 'v0'])), null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * `local:settings`, version 1: the settings object, as stored since the first version. Unreadable settings
 * read as the defaults. The background writes it (lib/background/settings-store.ts).
 */
export const settingsItem = defineStoredItem('local:settings', {
  schema: settingsSchema,
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

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
