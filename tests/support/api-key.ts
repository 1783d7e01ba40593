import { type ApiKey, cleanApiKey } from '@/lib/server/api-key';

/** A key for tests, cleaned as the options page and the key store clean one (`ApiKey`). */
export function testKey(text: string): ApiKey;
export function testKey(text: string | null | undefined): ApiKey | null;
export function testKey(text: string | null | undefined): ApiKey | null {
  if (text === null || text === undefined) return null;
  const checked = cleanApiKey(text);
  if (!checked.ok || !checked.key) throw new Error(`Not a key a test can use: ${JSON.stringify(text)}`);
  return checked.key;
}
