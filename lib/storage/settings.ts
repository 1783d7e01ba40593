import { z } from 'zod';
import { CLOUD_ORIGIN } from '@/lib/openhands/server-url';

/** Non-secret settings, in `storage.local`. The API key is kept apart (lib/background/keys/api-keys.ts). */
export const settingsSchema = z.object({
  serverUrl: z.string().url().default(CLOUD_ORIGIN),
  /** Notify when a conversation started here finishes, fails or waits for confirmation. */
  notifications: z.boolean().default(true),
  /** What the server said it is at the last check; null until checked. */
  appMode: z.enum(['saas', 'oss']).nullable().default(null),
  apiVersion: z.enum(['v1', 'v0']).nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
