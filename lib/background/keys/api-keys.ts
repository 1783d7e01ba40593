import { getEncryptionKey } from '@/lib/background/keys/crypto-key-store';
import { open, seal } from '@/lib/background/keys/secret-box';
import { loadSettings } from '@/lib/background/settings/settings-store';
import { createOpenHandsError } from '@/lib/errors/error';
import { type ApiKey, cleanApiKey } from '@/lib/server/api-key';
import { serverOrigin } from '@/lib/server/origin';
import { apiKeysItem, legacyApiKeyItem, type Sealed } from '@/lib/storage/api-keys';

/**
 * The OpenHands API keys, one per server: a key belongs to the server (origin) it was entered for and is
 * never handed out for another one. Only the background imports this module (a lint rule keeps it out of
 * everything else). Keys are kept in storage.local (lib/storage/api-keys.ts), never sync, encrypted with a
 * key content scripts cannot reach, and never logged.
 */

/** The sealed keys by origin; entries that no longer parse are left out. */
const readSealed = () => apiKeysItem.getValue();

/**
 * Moves the single key of earlier versions to the server it was entered for: the one saved in the settings.
 * The sealed bytes move as they are (same encryption key). Not a WXT item migration: it spans two items.
 */
export async function migrateLegacyApiKey(): Promise<void> {
  const legacy = await legacyApiKeyItem.getValue();
  if (legacy) {
    const origin = serverOrigin((await loadSettings()).serverUrl);
    const keys = await readSealed();
    // A key saved for that server since then is newer: it wins.
    if (!keys[origin]) await apiKeysItem.setValue({ ...keys, [origin]: legacy });
  }
  // Also drops an old item that is not a sealed key.
  await legacyApiKeyItem.removeValue();
}

export interface ApiKeyStore {
  /**
   * The key saved for this server (by origin), or null. Never another server's key. Throws `invalid_key` for
   * a key saved by a version that did not check keys, which cannot be sent.
   */
  read(serverUrl: string): Promise<ApiKey | null>;
  /** Saves the key for this server only; null removes it. */
  write(serverUrl: string, key: ApiKey | null): Promise<void>;
  /** A hint (`…a1b2`) of each saved key, by server origin: what pages may see. */
  hints(): Promise<Record<string, string>>;
}

// Serialises read-modify-write cycles on the one stored record: handlers run concurrently in one worker.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

export function createApiKeyStore(getKey: () => Promise<CryptoKey> = getEncryptionKey): ApiKeyStore {
  let migrated: Promise<void> | null = null;
  /** Runs the legacy migration once per store, before anything is read or written; again if it failed. */
  const ready = () => {
    migrated ??= serialised(migrateLegacyApiKey).catch((error: unknown) => {
      migrated = null;
      throw error;
    });
    return migrated;
  };
  const openSealed = async (sealed: Sealed | undefined) => (sealed ? open(await getKey(), sealed) : null);

  return {
    async read(serverUrl) {
      await ready();
      const saved = await openSealed((await readSealed())[serverOrigin(serverUrl)]);
      if (saved === null) return null;
      // Read once into what is sent (saving checks too; older versions did not)
      const checked = cleanApiKey(saved);
      if (!checked.ok) throw createOpenHandsError('invalid_key', { detail: checked.problem });
      return checked.key;
    },
    async write(serverUrl, key) {
      await ready();
      const origin = serverOrigin(serverUrl);
      const sealed = key ? await seal(await getKey(), key) : null;
      await serialised(async () => {
        const { [origin]: _old, ...others } = await readSealed();
        await apiKeysItem.setValue(sealed ? { ...others, [origin]: sealed } : others);
      });
    },
    async hints() {
      await ready();
      const entries = await Promise.all(
        Object.entries(await readSealed()).map(async ([origin, sealed]) => {
          const key = await openSealed(sealed);
          // A key that no longer opens (its encryption key is gone) is as good as no key.
          return key ? [[origin, keyHint(key)] as const] : [];
        }),
      );
      return Object.fromEntries(entries.flat());
    },
  };
}

/** Enough of a key to recognise it, never enough to use it: `…` and the last four characters. */
export function keyHint(key: string): string {
  return key.length <= 8 ? '…' : `…${key.slice(-4)}`;
}

/**
 * A key's identity for cache keys, never the key: the first 16 hex digits of its SHA-256. Keys are long
 * random strings, so this cannot be turned back into one.
 */
export async function keyFingerprint(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
