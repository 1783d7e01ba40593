import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeRecord } from '../../factories/conversation-record';

/** The records item as a worker starting now defines it: migrating whatever is stored. */
async function startWith(stored?: unknown) {
  if (stored !== undefined) await fakeBrowser.storage.local.set({ conversations: stored });
  vi.resetModules();
  return (await import('@/lib/storage/conversations')).conversationsItem;
}

describe('conversations item', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['nothing stored', undefined],
    ['an unknown version', { schemaVersion: 99, records: [] }],
    ['garbage', 'not json at all'],
    ['an object without records', { schemaVersion: 1 }],
  ])('should read %s as no records', async (_name, stored) => {
    expect(await (await startWith(stored)).getValue()).toEqual([]);
  });

  it('should read version 1 records without a repository as well as those stored before they were possible', async () => {
    const before = makeRecord({ id: 'before', repository: 'octo-org/hello-world' });
    const without = makeRecord({ id: 'without', repository: null });
    const item = await startWith({ schemaVersion: 1, records: [before, without] });
    expect(await item.getValue()).toEqual([before, without]);
  });

  it('should drop only the records that no longer parse', async () => {
    const good = makeRecord({ id: 'good' });
    const item = await startWith({ schemaVersion: 1, records: [good, { id: 'bad' }, 42] });
    expect(await item.getValue()).toEqual([good]);
    await fakeBrowser.storage.local.set({ conversations: [{ ...good, state: 'exploded' }, good] });
    expect(await item.getValue()).toEqual([good]);
  });

  it('should store the records themselves as version 3', async () => {
    const item = await startWith({ schemaVersion: 1, records: [makeRecord({ id: 'a' })] });
    await item.getValue();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).toEqual({ conversations: [makeRecord({ id: 'a' })], conversations$: { v: 3 } });
  });

  it('should keep records stored as an array without a version (a migration that could not record it)', async () => {
    const record = makeRecord({ id: 'a' });
    expect(await (await startWith([record])).getValue()).toEqual([record]);
  });

  it('should mark the first records of a new install as version 3', async () => {
    const item = await startWith();
    await item.setValue([makeRecord({ id: 'a' })]);
    expect(await fakeBrowser.storage.local.get('conversations$')).toEqual({ conversations$: { v: 3 } });
    expect(await (await startWith()).getValue()).toEqual([makeRecord({ id: 'a' })]);
  });

  it('should read version 2 records waiting for input as stopped, with no PRs, started here', async () => {
    const { pullNumbers: _p, foundOnServer: _f, ...v2 } = makeRecord({ id: 'a' });
    await fakeBrowser.storage.local.set({ conversations$: { v: 2 } });
    const item = await startWith([
      { ...v2, state: 'idle', notifiedState: 'idle' },
      { ...v2, id: 'b', state: 'finished', notifiedState: 'finished' },
    ]);
    expect(await item.getValue()).toEqual([
      makeRecord({
        id: 'a',
        state: 'stopped',
        notifiedState: 'stopped',
        pullNumbers: [],
        foundOnServer: false,
      }),
      makeRecord({ id: 'b', state: 'finished', notifiedState: 'finished' }),
    ]);
    expect(await fakeBrowser.storage.local.get('conversations$')).toEqual({ conversations$: { v: 3 } });
  });
});
