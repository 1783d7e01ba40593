import { randomUUID } from 'node:crypto';

/** OpenHands serialises ids as 32 lowercase hex digits without dashes (its OpenHandsUUID type). */
export function newHexId(): string {
  return randomUUID().replaceAll('-', '');
}

/** The canonical form of an id the API accepts with or without dashes, braces or a urn:uuid: prefix. */
export function normalizeId(id: string): string {
  return id
    .toLowerCase()
    .replace(/^urn:uuid:/, '')
    .replace(/[{}-]/g, '');
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{32}$/.test(normalizeId(id));
}

/** Timestamps that never repeat, so "newest first" is a total order even for work done in one millisecond. */
export class Clock {
  private last = 0;

  nowMs(): number {
    this.last = Math.max(Date.now(), this.last + 1);
    return this.last;
  }

  now(): string {
    return new Date(this.nowMs()).toISOString();
  }

  reset(): void {
    this.last = 0;
  }
}
