import { describe, expect, it, vi } from 'vitest';
import { dedupeByKey } from '@/lib/background/messaging/dedupe';

describe('dedupeByKey', () => {
  it('should run identical calls within the window once', async () => {
    let clock = 0;
    const run = vi.fn(async (n: number) => n * 2);
    const deduped = dedupeByKey(run, String, { windowMs: 1000, now: () => clock });
    const [a, b] = await Promise.all([deduped(2), deduped(2)]);
    clock = 999;
    const c = await deduped(2);
    expect([a, b, c]).toEqual([4, 4, 4]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('should run again after the window and for other keys', async () => {
    let clock = 0;
    const run = vi.fn(async (n: number) => n);
    const deduped = dedupeByKey(run, String, { windowMs: 1000, now: () => clock });
    await deduped(1);
    await deduped(2);
    clock = 1001;
    await deduped(1);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('should let a failed call be retried at once', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce('ok');
    const deduped = dedupeByKey(run, () => 'same', { windowMs: 10_000 });
    await expect(deduped(1)).rejects.toThrow('boom');
    await expect(deduped(1)).resolves.toBe('ok');
  });
});
