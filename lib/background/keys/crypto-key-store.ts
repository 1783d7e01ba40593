import { generateSecretKey } from '@/lib/background/keys/secret-box';

// The extension origin's IndexedDB is out of content scripts' reach (they run in the page's origin),
// unlike storage.local, which every extension context can read.
const DB_NAME = 'send-to-openhands';
const STORE = 'keys';
const KEY_ID = 'api-key-encryption';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  op: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = op(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error);
  });
}

/** The key that encrypts the API key at rest, created on first use. */
export async function getEncryptionKey(): Promise<CryptoKey> {
  const db = await openDb();
  try {
    const existing = await run<CryptoKey | undefined>(db, 'readonly', (s) => s.get(KEY_ID));
    if (existing) return existing;
    const key = await generateSecretKey();
    await run(db, 'readwrite', (s) => s.put(key, KEY_ID));
    return key;
  } finally {
    db.close();
  }
}
