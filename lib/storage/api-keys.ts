import * as z from 'zod/mini';
import { eachEntry } from '@/lib/schema/each';
import { defineStoredItem } from '@/lib/storage/stored-item';

/*
 * The OpenHands API keys, sealed. Only the background may import this module (a lint rule, biome.json): the
 * encryption, and the only reads and writes, are in lib/background/keys/. Keys are kept in storage.local,
 * never sync, and never in the clear.
 */

/** An AES-GCM ciphertext as stored: base64 fields, so it survives JSON storage. */
export const sealedSchema = z.object({ iv: z.string(), data: z.string() });
export type Sealed = z.infer<typeof sealedSchema>;

/** Sealed keys by server origin. Entries are checked one by one, so one bad entry never loses the rest. */
const sealedByOriginSchema = eachEntry(sealedSchema);

/** `local:apiKeys`, version 1: one sealed key per server origin, as stored since keys belong to one server. */
export const apiKeysItem = defineStoredItem('local:apiKeys', {
  schema: sealedByOriginSchema,
  fallback: {},
  version: 1,
});

/**
 * `local:apiKey`: the one sealed key of the first versions, for whichever server the settings named. Only
 * read to move it to `local:apiKeys` (lib/background/keys/api-keys.ts: the move spans two items and the
 * settings, so it is not a WXT migration), then removed.
 */
export const legacyApiKeyItem = defineStoredItem('local:apiKey', {
  schema: z.nullable(sealedSchema),
  fallback: null,
  version: 1,
});
