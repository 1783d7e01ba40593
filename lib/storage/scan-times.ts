import * as z from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** Server origin (normalised) → when the scan last read its newest conversations (ms since the epoch). */
export const scanTimesSchema = z.record(z.string(), z.number());
export type ScanTimes = z.infer<typeof scanTimesSchema>;

/**
 * `session:serverScanTimes`, version 1: kept in the session area rather than in the worker's memory, so a
 * worker that idled out and started again (often, in MV3) still reads each server at most once a minute.
 * Emptied when the browser restarts, which costs one early read at most.
 */
export const scanTimesItem = defineStoredItem('session:serverScanTimes', {
  schema: scanTimesSchema,
  fallback: {},
  version: 1,
});
