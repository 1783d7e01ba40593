import { type Settings, settingsItem, settingsSchema } from '@/lib/storage/settings';

/** Stored settings, validated: missing fields take their defaults; unreadable settings read as the defaults. */
export function loadSettings(): Promise<Settings> {
  return settingsItem.getValue();
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(settings);
  await settingsItem.setValue(valid);
  return valid;
}
