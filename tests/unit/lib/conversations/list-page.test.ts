import { describe, expect, it } from 'vitest';
import { listPageItems } from '@/lib/conversations/list-page';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';
import { makeItem, SERVER } from './factories';

describe('a page of the popup’s list', () => {
  const start = makeRecord({ id: 't1', title: 'Started here', createdAt: '2026-11-28T11:00:00.000Z' });
  const elsewhere = makeRecord({ id: 't2', title: 'On another server', serverUrl: 'https://other.example' });

  it('should merge this server’s records with the server’s page, newest first', () => {
    const page = { items: [makeItem({ title: 'From the server' })], nextPageId: null };
    const actual = listPageItems([start, elsewhere], testOrigin(`${SERVER}/`), page);
    expect(actual.map((item) => item.title)).toEqual(['Started here', 'From the server']);
  });

  it('should list this server’s records alone when the server could not be asked', () => {
    const older = makeRecord({ id: 't3', title: 'Older start', createdAt: '2026-11-28T09:00:00.000Z' });
    const actual = listPageItems([older, elsewhere, start], testOrigin(SERVER), null);
    expect(actual.map((item) => item.title)).toEqual(['Started here', 'Older start']);
  });
});
