import * as z from 'zod/mini';
import { CLOUD_ORIGIN, storedOrigin } from '@/lib/server/origin';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** Non-secret settings. The API keys are kept apart (lib/storage/api-keys.ts). A missing field takes its default. */
export const settingsSchema = z.object({
  serverUrl: z._default(z.pipe(z.url(), z.transform(storedOrigin)), CLOUD_ORIGIN),
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
 * read as the defaults. The background writes it (lib/background/settings/settings-store.ts).
 */
export const settingsItem = defineStoredItem('local:settings', {
  schema: settingsSchema,
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
