import { storage } from '#imports';
import { getEncryptionKey } from '@/lib/background/crypto-key-store';
import { open, seal, sealedSchema } from '@/lib/background/secret-box';

/**
 * The OpenHands API key. Only the background imports this module (a lint rule keeps it out of
 * everything else). It is kept in storage.local, never sync, encrypted with a key content scripts
 * cannot reach, and never logged.
 */
const apiKeyItem = storage.defineItem<unknown>('local:apiKey', { fallback: null });

export interface ApiKeyStore {
  read(): Promise<string | null>;
  write(key: string | null): Promise<void>;
}

export function createApiKeyStore(getKey: () => Promise<CryptoKey> = getEncryptionKey): ApiKeyStore {
  return {
    async read() {
      const sealed = sealedSchema.safeParse(await apiKeyItem.getValue());
      if (!sealed.success) return null;
      return open(await getKey(), sealed.data);
    },
    async write(key) {
      if (!key) {
        await apiKeyItem.removeValue();
        return;
      }
      await apiKeyItem.setValue(await seal(await getKey(), key));
    },
  };
}

/** Enough of a key to recognise it, never enough to use it: `…` and the last four characters. */
export function keyHint(key: string): string {
  return key.length <= 8 ? '…' : `…${key.slice(-4)}`;
}
