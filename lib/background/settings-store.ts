import { storage } from '#imports';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '@/lib/storage/settings';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null });

/** Stored settings, validated; anything unreadable falls back to the defaults field by field. */
export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(settings);
  await settingsItem.setValue(valid);
  return valid;
}
